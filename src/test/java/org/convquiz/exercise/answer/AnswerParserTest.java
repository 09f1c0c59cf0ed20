package org.convquiz.exercise.answer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

class AnswerParserTest {

    private static final List<String> ABCD = List.of("A", "B", "C", "D");

    static ParsedAnswer ok(AnswerKind kind, String raw) {
        ParseOutcome outcome = AnswerParser.parse(kind, raw, ABCD);
        return assertInstanceOf(ParseOutcome.Ok.class, outcome, () -> raw + " → " + outcome).answer();
    }

    static ParseOutcome.Unreadable unreadable(AnswerKind kind, String raw) {
        ParseOutcome outcome = AnswerParser.parse(kind, raw, ABCD);
        ParseOutcome.Unreadable u = assertInstanceOf(ParseOutcome.Unreadable.class, outcome, () -> raw + " → " + outcome);
        assertTrue(u.en().startsWith("Could not read your answer: "), u.en());
        assertTrue(u.en().contains(" Hint: "), u.en());
        assertTrue(u.zh().startsWith("无法识别你的答案："), u.zh());
        assertTrue(u.zh().contains("提示："), u.zh());
        return u;
    }

    static BigInteger integer(String raw) {
        return assertInstanceOf(ParsedAnswer.IntegerAnswer.class, ok(AnswerKind.INTEGER, raw)).value();
    }

    static ParsedAnswer.NumberAnswer number(String raw) {
        return assertInstanceOf(ParsedAnswer.NumberAnswer.class, ok(AnswerKind.NUMBER, raw));
    }

    static List<Integer> shape(String raw) {
        return assertInstanceOf(ParsedAnswer.ShapeAnswer.class, ok(AnswerKind.SHAPE, raw)).dims();
    }

    static ParsedAnswer.TensorAnswer tensor(String raw) {
        return assertInstanceOf(ParsedAnswer.TensorAnswer.class, ok(AnswerKind.TENSOR, raw));
    }

    static String choice(AnswerKind kind, String raw) {
        return assertInstanceOf(ParsedAnswer.ChoiceAnswer.class, ok(kind, raw)).display();
    }

    static void assertContains(String expected, String actual) {
        assertTrue(actual.contains(expected), () -> "expected “" + expected + "” in: " + actual);
    }

    @Nested
    class Empty {
        @ParameterizedTest
        @EnumSource(AnswerKind.class)
        void blankOrBarePrefixIsEmpty(AnswerKind kind) {
            for (String raw : new String[] {null, "", "   ", "\n\t", "　", "答：", "答案：", "Answer:", "=", "。"}) {
                assertInstanceOf(ParseOutcome.Empty.class, AnswerParser.parse(kind, raw, ABCD), String.valueOf(raw));
            }
        }

        @Test
        void nullOptionsMeanAnyLetter() {
            assertInstanceOf(ParseOutcome.Ok.class, AnswerParser.parse(AnswerKind.SINGLE_CHOICE, "Q", null));
            assertInstanceOf(ParseOutcome.Ok.class, AnswerParser.parse(AnswerKind.INTEGER, "5"));
        }
    }

    @Nested
    class Integers {
        @ParameterizedTest
        @ValueSource(strings = {
            "196609000", "196,609,000", "196 609 000", "196'609'000", "196_609_000", "1.96609e8", "1.96609E8",
            "1.96609×10^8", "1.96609x10^8", "1.96609 * 10**8", "1.96609×10⁸", "196609000.0", "１９６６０９０００",
            "１９６，６０９，０００", "3×256×256×1000+1000", "3 × 256 × 256 × 1000 + 1000", "3·256·256·1000+1000",
            "3X256X256X1000+1000", "答：196609000", "答案是 196,609,000", "Answer: 196609000", "the answer is 196609000",
            "= 196609000", "196609000。", "  196609000  ", "3×256×256×1000+1000 = 196,609,000",
            "（3×256×256×1000）+1000", "[3×256×256×1000]+1000", "196\u200B609000", "196\u00A0609\u00A0000",
            "196\u202F609\u202F000", "196\u2009609\u2009000"
        })
        void exerciseOneInManyForms(String raw) {
            assertEquals(BigInteger.valueOf(196_609_000), integer(raw));
        }

        @ParameterizedTest
        @ValueSource(strings = {"10*3*3*3+10", "10×3×3×3＋10", "280", "2.8e2", "2.8×10²", "560/2", "560÷2", "(104-3)/1+1+178",
            "10*(3*3*3+1)", "−20+300", "–20+300", "300 - 20", "2^3*35", "2**3*35", "280.000", "1000-720"})
        void workingIsEvaluatedExactly(String raw) {
            assertEquals(BigInteger.valueOf(280), integer(raw));
        }

        @Test
        void outputSizeFormulas() {
            assertEquals(BigInteger.valueOf(102), integer("(104-3)/1+1"));
            assertEquals(BigInteger.valueOf(102), integer("（104−3）÷1+1"));
            assertEquals(BigInteger.valueOf(3), integer("(8+2-3+2)/3"));
            assertEquals(BigInteger.valueOf(-5), integer("-5"));
            assertEquals(BigInteger.valueOf(-4), integer("-2^2"));
            assertEquals(BigInteger.valueOf(512), integer("2^3^2"));
            assertEquals(BigInteger.ONE, integer("2^0"));
            assertEquals(BigInteger.valueOf(5), integer("2--3"));
            assertEquals(BigInteger.valueOf(7), integer("+7"));
            assertEquals(BigInteger.valueOf(1000), integer("1e3"));
            assertEquals(BigInteger.valueOf(1234567), integer("1,234,567"));
            assertEquals(BigInteger.valueOf(1000), integer("1,000"));
            assertEquals(BigInteger.valueOf(2100), integer("2 100"));
            assertEquals(BigInteger.ZERO, integer("-0"));
            assertEquals(new BigInteger("123456789012345678901234567890"), integer("123456789012345678901234567890"));
            assertEquals(BigInteger.TEN.pow(100), integer("10^100"));
        }

        @Test
        void displayIsPlainDigits() {
            assertEquals("196609000", ok(AnswerKind.INTEGER, "196,609,000").display());
            assertEquals("-12", ok(AnswerKind.INTEGER, "−12").display());
        }

        @Test
        void fractionalValueIsNotAnInteger() {
            ParseOutcome.Unreadable u = unreadable(AnswerKind.INTEGER, "10/3");
            assertContains("it works out to 10/3 (≈3.33333), which is not a whole number", u.en());
            assertContains("不是整数", u.zh());
            assertContains("Hint: this answer is a whole number", u.en());
            assertContains("works out to 196609/1000 (≈196.609)", unreadable(AnswerKind.INTEGER, "1.96609e2").en());
            assertContains("works out to 1/2", unreadable(AnswerKind.INTEGER, "50%").en());
        }

        @Test
        void oddDigitGroupingIsRefusedNotGuessed() {
            for (String raw : new String[] {"1,5", "12,34", "1234,567", "1,2345", "12 34", "1,000 000", "1,000'000"}) {
                ParseOutcome.Unreadable u = unreadable(AnswerKind.INTEGER, raw);
                assertContains("the digits are not grouped in threes", u.en());
                assertContains("没有按三位一组分隔", u.zh());
                assertContains("use a point for decimals", u.en());
            }
            assertContains("“1,2345”", unreadable(AnswerKind.INTEGER, "1,2345").en());
        }

        @Test
        void syntaxErrorsSayWhere() {
            assertContains("unexpected “(” after “2”", unreadable(AnswerKind.INTEGER, "2(3+4)").en());
            assertContains("it ends too early, after “3×”", unreadable(AnswerKind.INTEGER, "3×").en());
            assertContains("a “(” in “(104-3/1+1” is never closed", unreadable(AnswerKind.INTEGER, "(104-3/1+1").en());
            assertContains("a “(” in “((3)” is never closed", unreadable(AnswerKind.INTEGER, "((3)").en());
            assertContains("没有闭合", unreadable(AnswerKind.INTEGER, "(104-3/1+1").zh());
            assertContains("unexpected “)” after “104-3”", unreadable(AnswerKind.INTEGER, "104-3)/1+1").en());
            assertContains("it cannot start with “*”", unreadable(AnswerKind.INTEGER, "*3").en());
            // "196609000 params" and "196609000个" are read since issue 10; other words after a number are not
            assertContains("unexpected “a” after “196609000”", unreadable(AnswerKind.INTEGER, "196609000 apples").en());
            assertContains("it cannot start with “a”", unreadable(AnswerKind.INTEGER, "abc").en());
            assertContains("unexpected “e” after “1”", unreadable(AnswerKind.INTEGER, "1e").en());
            assertContains("Hint: write a whole number like 1234567", unreadable(AnswerKind.INTEGER, "abc").en());
            assertContains("提示：请写一个整数", unreadable(AnswerKind.INTEGER, "abc").zh());
        }

        @Test
        void unequalSidesOfEqualsAreRefused() {
            ParseOutcome.Unreadable u = unreadable(AnswerKind.INTEGER, "10*3*3*3+10 = 290");
            assertContains("the sides of “=” differ: 280 is not 290", u.en());
            assertContains("不相等", u.zh());
            assertContains("one side of “=” is empty", unreadable(AnswerKind.INTEGER, "280 = ").en());
        }

        @Test
        void divisionByZeroAndHugeValuesAreRefused() {
            assertContains("divides by zero", unreadable(AnswerKind.INTEGER, "5/(3-3)").en());
            assertContains("除以零", unreadable(AnswerKind.INTEGER, "0^-1").zh());
            assertContains("far too large", unreadable(AnswerKind.INTEGER, "1e99999").en());
            assertContains("far too large", unreadable(AnswerKind.INTEGER, "(10^900)^900").en());
            assertContains("not a whole number of reasonable size", unreadable(AnswerKind.INTEGER, "2^(1/2)").en());
            assertContains("nested too deeply", unreadable(AnswerKind.INTEGER, "(".repeat(5000) + "1" + ")".repeat(5000)).en());
            assertContains("nested too deeply", unreadable(AnswerKind.INTEGER, "-".repeat(10000) + "1").en());
            assertEquals(BigInteger.ONE, integer("(".repeat(50) + "1" + ")".repeat(50)));
            assertContains("too long", unreadable(AnswerKind.INTEGER, "1".repeat(AnswerParser.MAX_LENGTH + 1)).en());
        }

        @Test
        void notationThatNfkcWouldCorruptIsRefused() {
            assertContains("fraction sign “½”", unreadable(AnswerKind.NUMBER, "3½").en());
            assertContains("small raised digits", unreadable(AnswerKind.NUMBER, "3¹⁄₂").en());
            assertContains("subscript digits", unreadable(AnswerKind.INTEGER, "10₂").en());
        }
    }

    @Nested
    class Numbers {
        @Test
        void repeatingFractionKeepsExactForm() {
            ParsedAnswer.NumberAnswer n = number("10/3");
            assertEquals("10/3", n.exact());
            assertEquals(10.0 / 3, n.asDouble());
            assertEquals(new BigDecimal("3.333333333333333333333333333333333"), n.value());
            assertEquals("10/3", n.display());
            assertEquals("-10/3", number("(-20)/6").display());
        }

        @Test
        void terminatingValuesAreExactDecimals() {
            ParsedAnswer.NumberAnswer n = number("3.3333");
            assertNull(n.exact());
            assertEquals(new BigDecimal("3.3333"), n.value());
            assertEquals("3.3333", n.display());
            assertEquals("-2.5", number("-2.5").display());
            assertEquals("-2.5", number("−2.50").display());
            assertEquals("0.001", number("1e-3").display());
            assertEquals(0.001, number("1e-3").asDouble());
            assertEquals("0.25", number("1/4").display());
            assertEquals("0.5", number("½").display());
            assertEquals("0.5", number("50%").display());
            assertEquals("0.75", number("3/4").display());
            assertEquals("0.5", number(".5").display());
            assertEquals("3", number("3.").display());
            assertEquals("0", number("0.000").display());
            assertEquals("1E-1000", number("1e-1000").display());
            assertEquals("1.5E+40", number("15e39").display());
            assertEquals("0.000000000000000000000000001", number("1e-27").display());
            assertEquals("1000", number("1,000").display());
            assertEquals("1234.5", number("1,234.5").display());
            assertEquals("0.125", number("2^-3").display());
            assertEquals("0.5", number("１／２").display());
            assertEquals("3.5", number("≈3.5").display());
            assertEquals("2.5", number("5/2 = 2.5").display());
        }

        @Test
        void unreadableNumbersGetTheNumberHint() {
            ParseOutcome.Unreadable u = unreadable(AnswerKind.NUMBER, "three");
            assertContains("Hint: write a number like 3.25", u.en());
            assertContains("提示：请写一个数", u.zh());
            assertContains("not grouped in threes", unreadable(AnswerKind.NUMBER, "3,5").en());
            assertContains("unexpected “.”", unreadable(AnswerKind.NUMBER, "1.2.3").en());
            assertContains("differ", unreadable(AnswerKind.NUMBER, "10/3 = 3.33").en());
        }
    }

    @Nested
    class Shapes {
        @ParameterizedTest
        @ValueSource(strings = {"4×102×102", "4x102x102", "4X102X102", "4 × 102 × 102", "4 x 102 x 102", "(4, 102, 102)",
            "[4,102,102]", "4,102,102", "（4，102，102）", "［4，102，102］", "torch.Size([4, 102, 102])", "Size([4, 102, 102])",
            "torch.Size([4,102,102])", "4*102*102", "4·102·102", "4 102 102", "答：4×102×102", "形状：(4, 102, 102)",
            "shape: 4x102x102", "([4, 102, 102])", "{4,102,102}", "４×１０２×１０２", "(4,102,102,)", " 4×102×102 "})
        void exerciseThreeInManyForms(String raw) {
            assertEquals(List.of(4, 102, 102), shape(raw));
        }

        @Test
        void singleDimensionAndDisplay() {
            assertEquals(List.of(7), shape("7"));
            assertEquals(List.of(7), shape("(7,)"));
            assertEquals(List.of(7), shape("torch.Size([7])"));
            assertEquals("7", ok(AnswerKind.SHAPE, "(7,)").display());
            assertEquals("4×102×102", ok(AnswerKind.SHAPE, "(4, 102, 102)").display());
            assertEquals(List.of(4, 3, 3, 5), shape("4×3×3×5"));
            assertEquals(List.of(1, 2, 4, 4), assertInstanceOf(ParsedAnswer.ShapeAnswer.class, ok(AnswerKind.SHAPE, "1,2,4,4")).dims());
            assertEquals(4, ((ParsedAnswer.ShapeAnswer) ok(AnswerKind.SHAPE, "1,2,4,4")).dimsArray().length);
        }

        @Test
        void unreadableShapes() {
            assertContains("dimension 3 is missing", unreadable(AnswerKind.SHAPE, "4×102×").en());
            assertContains("第 3 个维度缺失", unreadable(AnswerKind.SHAPE, "4×102×").zh());
            assertContains("dimension 2 is missing", unreadable(AnswerKind.SHAPE, "4××102").en());
            assertContains("dimension 2 is 0", unreadable(AnswerKind.SHAPE, "4×0×3").en());
            assertContains("dimension 1, “4.5”, is not a positive whole number", unreadable(AnswerKind.SHAPE, "4.5×3").en());
            assertContains("“-3”, is not a positive whole number", unreadable(AnswerKind.SHAPE, "4×-3").en());
            assertContains("“abc”", unreadable(AnswerKind.SHAPE, "4×abc").en());
            assertContains("mixes different separators", unreadable(AnswerKind.SHAPE, "4×102, 102").en());
            assertContains("mixes different separators", unreadable(AnswerKind.SHAPE, "4, 102 102").en());
            assertContains("混用", unreadable(AnswerKind.SHAPE, "4x102,102").zh());
            assertContains("far too large", unreadable(AnswerKind.SHAPE, "4×99999999999").en());
            assertContains("no dimensions", unreadable(AnswerKind.SHAPE, "()").en());
            assertContains("its brackets do not match", unreadable(AnswerKind.SHAPE, "(4,102,102").en());
            assertContains("its brackets do not match", unreadable(AnswerKind.SHAPE, "torch.Size([4, 102, 102]").en());
            assertContains("括号不配对", unreadable(AnswerKind.SHAPE, "4,102,102)").zh());
            assertContains("dimension 2, “(104-3+1)”, is not a positive whole number", unreadable(AnswerKind.SHAPE, "4×(104-3+1)").en());
            assertContains("“102^(2)”", unreadable(AnswerKind.SHAPE, "4×102²").en());
            ParseOutcome.Unreadable u = unreadable(AnswerKind.SHAPE, "four by four");
            assertContains("Hint: write a shape like 2×7×7", u.en());
            assertContains("提示：请写出形状", u.zh());
        }
    }

    @Nested
    class Tensors {
        static Stream<Arguments> figureOneForms() {
            return Stream.of("[[19,25],[37,43]]", "[[19, 25], [37, 43]]", "19 25; 37 43", "19 25\n37 43", "19,25\n37,43",
                    "19\t25\n37\t43", "19 25\r\n37 43\r\n", "［［19，25］，［37，43］］", "【【19，25】，【37，43】】",
                    "[[19 25]\n [37 43]]", "[19 25; 37 43]", "[19,25],[37,43]", "[19, 25]\n[37, 43]", "tensor([[19, 25], [37, 43]])",
                    "np.array([[19,25],[37,43]])", "答：[[19,25],[37,43]]", "19, 25;\n37, 43;", "  19 25  \n  37 43\n\n", "[[19,25,],[37,43,],]",
                    "[[１９，２５］，［３７，４３]]", "[[19.0, 25], [37, 43.00]]", "[[38/2, 5^2], [37, 43]]")
                    .map(Arguments::of);
        }

        @ParameterizedTest
        @MethodSource("figureOneForms")
        void figureOneInManyForms(String raw) {
            ParsedAnswer.TensorAnswer t = tensor(raw);
            assertEquals(List.of(2, 2), t.shape());
            assertEquals(List.of(19.0, 25.0, 37.0, 43.0), t.values());
            assertEquals("[[19, 25], [37, 43]]", t.display());
        }

        @Test
        void threeDimensional() {
            ParsedAnswer.TensorAnswer t = tensor("[[[5,6],[7,8]],[[1,2],[3,4]]]");
            assertEquals(List.of(2, 2, 2), t.shape());
            assertEquals(List.of(5.0, 6.0, 7.0, 8.0, 1.0, 2.0, 3.0, 4.0), t.values());
            assertEquals("[[[5, 6], [7, 8]], [[1, 2], [3, 4]]]", t.display());
            assertEquals(t, tensor("5 6\n7 8\n\n1 2\n3 4"));
            assertEquals(t, tensor("5 6; 7 8\n\n\n1 2; 3 4"));
            assertEquals(t, tensor("[[5,6],[7,8]]\n\n[[1,2],[3,4]]"));
            ParsedAnswer.TensorAnswer pool = tensor("[[[5,6,7,7],[13,14,15,15]],[[21,22,23,23],[29,30,31,31]]]");
            assertEquals(List.of(2, 2, 4), pool.shape());
            assertEquals(31.0, pool.valuesArray()[15]);
            assertEquals(3, pool.shapeArray().length);
        }

        @Test
        void decimalsNegativesAndFractions() {
            ParsedAnswer.TensorAnswer t = tensor("0.25 -1 1/4\n−2.5 1e-3 -1/3");
            assertEquals(List.of(2, 3), t.shape());
            assertEquals(List.of(0.25, -1.0, 0.25, -2.5, 0.001, -1.0 / 3), t.values());
            assertEquals("[[0.25, -1, 0.25], [-2.5, 0.001, -1/3]]", t.display()); // exact since issue 10
            assertEquals("[4.9E-324, 1E+20, -0.0000000000015, 0.0000001]", tensor("[4.9e-324, 1e20, -1.5e-12, 1e-7]").display());
        }

        @Test
        void rankFollowsTheWriting() {
            assertEquals(List.of(3), tensor("[1, 2, 3]").shape());
            assertEquals(List.of(1, 3), tensor("1 2 3").shape());
            assertEquals(List.of(1, 1), tensor("5").shape());
            assertEquals(List.of(1), tensor("[5]").shape());
            assertEquals(List.of(4, 4), tensor("0 3 8 4\n9 19 25 10\n21 37 43 16\n6 7 8 0").shape());
        }

        @Test
        void raggedRowsSayWhichRowHasHowMany() {
            ParseOutcome.Unreadable u = unreadable(AnswerKind.TENSOR, "1 2\n3 4 5");
            assertContains("row 2 has 3 values but row 1 has 2", u.en());
            assertContains("第 2 行有 3 个数，而第 1 行有 2 个", u.zh());
            assertContains("Hint: every row needs the same number of values", u.en());
            assertContains("row 3 has 1 value but row 1 has 2", unreadable(AnswerKind.TENSOR, "[[1,2],[3,4],[5]]").en());
            assertContains("row 2 in block 2 has 3 values but row 1 has 2",
                    unreadable(AnswerKind.TENSOR, "[[[1,2],[3,4]],[[1,2],[3,4,5]]]").en());
            assertContains("第 2 块中第 2 行", unreadable(AnswerKind.TENSOR, "[[[1,2],[3,4]],[[1,2],[3,4,5]]]").zh());
            assertContains("block 2 has shape 1×2 but block 1 has 2×2", unreadable(AnswerKind.TENSOR, "1 2\n3 4\n\n5 6").en());
            assertContains("nested to different depths", unreadable(AnswerKind.TENSOR, "[[1,2],[[3,4]]]").en());
        }

        @Test
        void otherUnreadableTensors() {
            assertContains("is never closed", unreadable(AnswerKind.TENSOR, "[[1,2],[3,4]").en());
            assertContains("is never closed", unreadable(AnswerKind.TENSOR, "[[1,2").en());
            assertContains("mixes numbers and bracketed lists", unreadable(AnswerKind.TENSOR, "[1,[2,3]]").en());
            assertContains("mixes numbers and bracketed lists", unreadable(AnswerKind.TENSOR, "[[1,2],3]").en());
            assertContains("it contains no values", unreadable(AnswerKind.TENSOR, ";").en());
            assertContains("it contains no values", unreadable(AnswerKind.TENSOR, "[;;]").en());
            assertContains("empty brackets", unreadable(AnswerKind.TENSOR, "[[],[]]").en());
            assertContains("text outside the brackets", unreadable(AnswerKind.TENSOR, "[1,2] 3").en());
            assertContains("text outside the brackets", unreadable(AnswerKind.TENSOR, "[[1,2]]]").en());
            assertContains("empty value between commas", unreadable(AnswerKind.TENSOR, "1,,2").en());
            assertContains("the value “x1” is not a number", unreadable(AnswerKind.TENSOR, "[[1, x1]]").en());
            assertContains("值“abc”不是数", unreadable(AnswerKind.TENSOR, "1 abc").zh());
            assertContains("the value “/” is not a number", unreadable(AnswerKind.TENSOR, "1 / 4").en());
            assertContains("far too large", unreadable(AnswerKind.TENSOR, "[10^400]").en());
            assertContains("nested too deeply", unreadable(AnswerKind.TENSOR, "[".repeat(5000) + "1" + "]".repeat(5000)).en());
            ParseOutcome.Unreadable u = unreadable(AnswerKind.TENSOR, "[[1,2],[3,4]");
            assertContains("Hint: write a matrix like [[1, 2], [3, 4]]", u.en());
            assertContains("提示：请写出矩阵", u.zh());
        }
    }

    @Nested
    class Choices {
        @ParameterizedTest
        @ValueSource(strings = {"B", "b", "(B)", "B.", "B)", "选B", "答：B", "答案：B", "Ｂ", "ｂ", "（B）", "选项B", "B选项", "我选B",
            "option B", "Answer: b", "the answer is B", "[B]", " B 。", "正确答案是B", "B!"})
        void singleChoiceForms(String raw) {
            assertEquals("B", choice(AnswerKind.SINGLE_CHOICE, raw));
        }

        @ParameterizedTest
        @ValueSource(strings = {"A, C", "AC", "a c", "A、C", "A和C", "A与C", "A及C", "A and C", "a AND c", "C, A", "A;C", "A/C",
            "A&C", "A+C", "CA", "A, C, A", "ＡＣ", "（A）（C）", "选AC", "答：A，C", "A C."})
        void multipleChoiceForms(String raw) {
            ParsedAnswer.ChoiceAnswer c = assertInstanceOf(ParsedAnswer.ChoiceAnswer.class, ok(AnswerKind.MULTIPLE_CHOICE, raw));
            assertEquals(List.of("A", "C"), List.copyOf(c.letters()));
            assertEquals("A, C", c.display());
        }

        @Test
        void singleLetterForMultipleChoiceIsFine() {
            assertEquals("D", choice(AnswerKind.MULTIPLE_CHOICE, "d"));
        }

        @Test
        void letterOutsideTheOptionsListsThem() {
            ParseOutcome.Unreadable u = unreadable(AnswerKind.SINGLE_CHOICE, "E");
            assertContains("“E” is not one of the options A, B, C, D", u.en());
            assertContains("Hint: choose from A, B, C, D.", u.en());
            assertContains("“E”不是选项 A, B, C, D 之一", u.zh());
            assertContains("请从 A, B, C, D 中选择", u.zh());
            assertContains("“E” is not one of the options A, B, C, D", unreadable(AnswerKind.MULTIPLE_CHOICE, "A, E").en());
            assertContains("“N” is not one of the options", unreadable(AnswerKind.MULTIPLE_CHOICE, "none").en());
        }

        @Test
        void optionLettersAreNormalised() {
            ParseOutcome outcome = AnswerParser.parse(AnswerKind.SINGLE_CHOICE, "e", List.of(" a", "b", "c", "d", "e"));
            assertEquals("E", assertInstanceOf(ParseOutcome.Ok.class, outcome).answer().display());
        }

        @Test
        void otherUnreadableChoices() {
            ParseOutcome.Unreadable u = unreadable(AnswerKind.SINGLE_CHOICE, "B, C");
            assertContains("more than one option (B, C)", u.en());
            assertContains("多个选项", u.zh());
            assertContains("type just its letter", u.en());
            // "1".."4" name options A..D since issue 10 (the tutorial's key says 选项1); "5" is no option
            assertContains("“5” is not an option number (1 to 4)", unreadable(AnswerKind.SINGLE_CHOICE, "5").en());
            assertContains("no option letter", unreadable(AnswerKind.SINGLE_CHOICE, "()").en());
            assertContains("Hint: type just the letter of one option (A, B, C, D)", unreadable(AnswerKind.SINGLE_CHOICE, "?").en());
            assertContains("Hint: type the letters of the options you choose (A, B, C, D)", unreadable(AnswerKind.MULTIPLE_CHOICE, "?").en());
            assertContains("is not an option letter", unreadable(AnswerKind.SINGLE_CHOICE, "β").en());
        }
    }

    @Nested
    class RoundTrip {
        static Stream<Arguments> samples() {
            return Stream.of(
                    Arguments.of(AnswerKind.INTEGER, "3×256×256×1000+1000"),
                    Arguments.of(AnswerKind.INTEGER, "-1.5e3"),
                    Arguments.of(AnswerKind.NUMBER, "10/3"),
                    Arguments.of(AnswerKind.NUMBER, "-20/6"),
                    Arguments.of(AnswerKind.NUMBER, "1e-3"),
                    Arguments.of(AnswerKind.NUMBER, "1e40"),
                    Arguments.of(AnswerKind.NUMBER, "-1.25e-300"),
                    Arguments.of(AnswerKind.NUMBER, "½"),
                    Arguments.of(AnswerKind.SHAPE, "torch.Size([4, 102, 102])"),
                    Arguments.of(AnswerKind.SHAPE, "(7,)"),
                    Arguments.of(AnswerKind.TENSOR, "19 25; 37 43"),
                    Arguments.of(AnswerKind.TENSOR, "0.1 1/3\n-2 1e-12"),
                    Arguments.of(AnswerKind.TENSOR, "[[[5,6],[7,8]],[[1,2],[3,4]]]"),
                    Arguments.of(AnswerKind.TENSOR, "[1e20, -3e-7]"),
                    Arguments.of(AnswerKind.SINGLE_CHOICE, "选b"),
                    Arguments.of(AnswerKind.MULTIPLE_CHOICE, "C和A"));
        }

        @ParameterizedTest
        @MethodSource("samples")
        void parsingTheDisplayGivesTheSameValue(AnswerKind kind, String raw) {
            ParsedAnswer first = ok(kind, raw);
            assertEquals(first, ok(kind, first.display()));
        }
    }

    @Test
    void recordsCheckTheirInvariants() {
        assertThrows(IllegalArgumentException.class, () -> new ParsedAnswer.ShapeAnswer(List.of(2, 0)));
        assertThrows(IllegalArgumentException.class, () -> new ParsedAnswer.ShapeAnswer(List.of()));
        assertThrows(IllegalArgumentException.class, () -> new ParsedAnswer.TensorAnswer(List.of(2, 2), List.of(1.0)));
        assertThrows(IllegalArgumentException.class, () -> new ParsedAnswer.ChoiceAnswer(new java.util.TreeSet<>()));
        assertThrows(UnsupportedOperationException.class,
                () -> ((ParsedAnswer.ChoiceAnswer) ok(AnswerKind.MULTIPLE_CHOICE, "A")).letters().add("B"));
    }
}
