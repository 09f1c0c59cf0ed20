package org.convquiz.exercise.answer;

import java.math.BigInteger;
import java.math.MathContext;
import java.util.List;
import java.util.Locale;
import java.util.SortedSet;
import org.convquiz.engine.Phrase;

/**
 * Turns what a student typed into a typed value, forgiving how people write but never guessing: text that
 * cannot be read for certain gives {@link ParseOutcome.Unreadable} with a bilingual reason and hint, so a
 * slip of notation is never marked as a wrong answer.
 *
 * <p>Every kind first gets NFKC normalisation (full-width digits, letters and punctuation such as ，（）［］：；
 * become ASCII), trimming, and removal of leading "答：", "答案是", "answer:", "the answer is", "=", "≈" and the
 * like. Nothing left means {@link ParseOutcome.Empty}. Then, by kind:
 * <ul>
 *   <li>{@link AnswerKind#INTEGER}: {@code 196609000}, {@code 196,609,000}, {@code 196 609 000} (separators
 *       only between groups of three digits), {@code 1.96609e8}, {@code 1.96609×10^8}, {@code 1.96609×10⁸},
 *       or exact working such as {@code 3×256×256×1000+1000}, {@code 10*3*3*3+10}, {@code (104-3)/1+1},
 *       with × x X * · for times, − – - for minus, ÷ / for divide, ^ or ** for powers, round, square or
 *       curly brackets. Working and result may be chained with "=" ({@code 10*28+0 = 280}) if all sides are
 *       equal. Magnitudes and counters are read: {@code 196.609M}, {@code 196.609k}, {@code 1.96609亿},
 *       {@code 19660.9万}, {@code 196609000个}, {@code 280 params}, and PyTorch's {@code tensor(19.)}. The value must
 *       be a whole number.</li>
 *   <li>{@link AnswerKind#NUMBER}: the same, with fractional values allowed: {@code 10/3}, {@code 3.3333},
 *       {@code -2.5}, {@code 1e-3}, {@code ½}, {@code 50%}.</li>
 *   <li>{@link AnswerKind#SHAPE}: {@code 4×102×102}, {@code 4x102x102}, {@code 4 * 102 * 102},
 *       {@code (4, 102, 102)}, {@code [4,102,102]}, {@code 4,102,102} (here commas separate dimensions, never
 *       thousands), {@code 4 102 102}, {@code torch.Size([4, 102, 102])}, {@code (7,)} or {@code 7}. Dimensions
 *       are plain positive whole numbers with one kind of separator.</li>
 *   <li>{@link AnswerKind#TENSOR}: nested brackets ({@code [[19,25],[37,43]]}, NumPy's {@code [[19 25]\n [37 43]]},
 *       MATLAB's {@code [19 25; 37 43]}, 3-D {@code [[[5,6],[7,8]],[[1,2],[3,4]]]}, {@code tensor([[…]])}), or
 *       no brackets with one row per line or per ";" and a blank line between the matrices of a 3-D tensor.
 *       Values may be decimals, negatives, E notation or fractions like {@code 1/4}. Unbracketed text is
 *       always at least 2-D ({@code 1 2 3} is 1×3; {@code [1, 2, 3]} has shape 3). Ragged rows are refused
 *       with the row and its count.</li>
 *   <li>{@link AnswerKind#SINGLE_CHOICE}: {@code B}, {@code b}, {@code (B)}, {@code B.}, {@code 选B},
 *       {@code 答：B}, {@code Ｂ}, {@code option B}; exactly one of the given letters.</li>
 *   <li>{@link AnswerKind#MULTIPLE_CHOICE}: {@code A, C}, {@code AC}, {@code a c}, {@code A、C}, {@code A和C},
 *       {@code A and C}; a sorted set of the given letters, repeats ignored.</li>
 * </ul>
 */
public final class AnswerParser {

    /** Longer text is no answer to a quiz part; the limit keeps reading cheap. */
    static final int MAX_LENGTH = 20_000;

    private AnswerParser() {
    }

    /** {@link #parse(AnswerKind, String, List)} for kinds that have no options. */
    public static ParseOutcome parse(AnswerKind kind, String raw) {
        return parse(kind, raw, List.of());
    }

    /**
     * Reads {@code raw} as an answer of the given kind.
     *
     * @param optionLetters the valid letters for choice kinds, e.g. {@code List.of("A","B","C","D")}; empty
     *                      (or null) allows any letter A–Z; ignored for other kinds
     */
    public static ParseOutcome parse(AnswerKind kind, String raw, List<String> optionLetters) {
        if (raw == null || raw.isBlank()) {
            return new ParseOutcome.Empty();
        }
        try {
            if (raw.length() > MAX_LENGTH) {
                throw new ReadException(Phrase.of("answers.too-long", raw.length()));
            }
            boolean choice = kind == AnswerKind.SINGLE_CHOICE || kind == AnswerKind.MULTIPLE_CHOICE;
            String text = choice ? TextNormalizer.normalize(raw) : TextNormalizer.normalizeNumeric(raw);
            if (text.isEmpty()) {
                return new ParseOutcome.Empty();
            }
            return new ParseOutcome.Ok(read(kind, text, options(optionLetters)));
        } catch (ReadException e) {
            return unreadable(kind, e, options(optionLetters));
        }
    }

    private static final java.util.regex.Pattern WINDOW = java.util.regex.Pattern.compile(
            "^[(\\[]?\\s*(\\d{1,6})\\s*(?:[×xX*·✕✖]|,)\\s*(\\d{1,6})\\s*[)\\]]?(?:\\s*(?:个元素|的窗口|窗口|区域|elements|window))?$");

    /**
     * A window written as height × width ("5×5", "5x5", "(5, 5)"), as receptive fields are often given; empty
     * when the text is not one. Integer parts that ask for a window use it before reading "5×5" as 25.
     */
    public static java.util.Optional<int[]> window(String raw) {
        if (raw == null || raw.length() > 100) {
            return java.util.Optional.empty();
        }
        try {
            java.util.regex.Matcher m = WINDOW.matcher(TextNormalizer.normalizeNumeric(raw));
            return m.matches() ? java.util.Optional.of(new int[] {Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2))})
                    : java.util.Optional.empty();
        } catch (ReadException e) {
            return java.util.Optional.empty();
        }
    }

    /** PyTorch's printout of one value: "tensor(19.)", "tensor(19., grad_fn=…)". */
    private static final java.util.regex.Pattern SCALAR_TENSOR = java.util.regex.Pattern.compile(
            "^(?:torch\\s*\\.\\s*)?tensor\\s*\\(\\s*([^,()\\[\\]]+?)\\s*(?:,[^\\[\\]]*)?\\)$", java.util.regex.Pattern.CASE_INSENSITIVE);
    /** A unit or counter word after a count: "196609000个", "280 个参数", "280 params". */
    private static final java.util.regex.Pattern COUNT_UNIT = java.util.regex.Pattern.compile(
            "\\s*(?:个参数|个元素|个|参数|元素|行|parameters|params|weights|elements|rows)$", java.util.regex.Pattern.CASE_INSENSITIVE);
    private static final java.util.regex.Pattern COUNT_WORD = java.util.regex.Pattern.compile("^(?:全部|一共|总共|共)\\s*");

    private static String numeric(String text) {
        java.util.regex.Matcher scalar = SCALAR_TENSOR.matcher(text);
        String s = scalar.matches() ? scalar.group(1) : text;
        return COUNT_UNIT.matcher(COUNT_WORD.matcher(s).replaceFirst("")).replaceFirst("");
    }

    private static ParsedAnswer read(AnswerKind kind, String text, List<String> options) {
        return switch (kind) {
            case INTEGER -> new ParsedAnswer.IntegerAnswer(wholeNumber(evaluateChain(numeric(text))));
            case NUMBER -> number(evaluateChain(numeric(text)));
            case SHAPE -> new ParsedAnswer.ShapeAnswer(ShapeReader.read(text));
            case TENSOR -> TensorReader.read(text);
            case SINGLE_CHOICE -> new ParsedAnswer.ChoiceAnswer(single(ChoiceReader.read(text, options)));
            case MULTIPLE_CHOICE -> new ParsedAnswer.ChoiceAnswer(ChoiceReader.read(text, options));
        };
    }

    /** "working = result": every side must have the same value, so a slip in either is not silently dropped. */
    private static Rational evaluateChain(String text) {
        String[] sides = text.split("=", -1);
        Rational value = null;
        for (String side : sides) {
            if (side.isBlank()) {
                throw new ReadException(Phrase.of("answers.chain.empty-side"));
            }
            Rational v = ArithmeticReader.evaluate(side.strip(), true);
            if (value != null && !v.equals(value)) {
                throw new ReadException(Phrase.of("answers.chain.differ", value, v), Phrase.of("answers.chain.differ.hint"));
            }
            value = v;
        }
        return value;
    }

    private static BigInteger wholeNumber(Rational r) {
        if (!r.isInteger()) {
            String approx = r.toBigDecimal(new MathContext(6)).stripTrailingZeros().toString();
            throw new ReadException(Phrase.of("answers.not-whole", r, approx), Phrase.of("answers.not-whole.hint"));
        }
        return r.num();
    }

    private static ParsedAnswer.NumberAnswer number(Rational r) {
        return r.exactDecimal()
                .map(d -> new ParsedAnswer.NumberAnswer(d, null, r.toDouble()))
                .orElseGet(() -> new ParsedAnswer.NumberAnswer(r.toBigDecimal(MathContext.DECIMAL128), r.toString(), r.toDouble()));
    }

    private static SortedSet<String> single(SortedSet<String> letters) {
        if (letters.size() > 1) {
            String chosen = String.join(", ", letters);
            throw new ReadException(Phrase.of("answers.single.many", chosen), Phrase.of("answers.single.many.hint"));
        }
        return letters;
    }

    private static List<String> options(List<String> optionLetters) {
        return optionLetters == null ? List.of()
                : optionLetters.stream().map(o -> o.strip().toUpperCase(Locale.ROOT)).toList();
    }

    private static ParseOutcome.Unreadable unreadable(AnswerKind kind, ReadException e, List<String> options) {
        Phrase says = Phrase.of("answers.unreadable", e.problem, e.hint != null ? e.hint : defaultHint(kind, options));
        return new ParseOutcome.Unreadable(says.en(), says.zh());
    }

    private static Phrase defaultHint(AnswerKind kind, List<String> options) {
        String list = String.join(", ", options);
        return switch (kind) {
            case INTEGER -> Phrase.of("answers.hint.integer");
            case NUMBER -> Phrase.of("answers.hint.number");
            case SHAPE -> Phrase.of("answers.hint.shape");
            case TENSOR -> Phrase.of("answers.hint.tensor");
            case SINGLE_CHOICE -> Phrase.of(options.isEmpty() ? "answers.hint.single" : "answers.hint.single.options", list);
            case MULTIPLE_CHOICE -> Phrase.of(options.isEmpty() ? "answers.hint.multiple" : "answers.hint.multiple.options", list);
        };
    }
}
