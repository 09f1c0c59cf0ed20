package org.convquiz.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class MathMlTest {

    @Test
    void subscriptsNumbersAndOperators() {
        assertEquals("<math><mrow><msub><mi>n</mi><mi>h</mi></msub><mo>+</mo><mn>2</mn><mi>p</mi></mrow></math>",
                MathMl.render("n_h + 2p"));
    }

    @Test
    void bracedSubscriptIsUprightTextAndFloorBracketsAreOperators() {
        String m = MathMl.render("H_{out} = ⌊(100 + 4 − 3)/1⌋ + 1");
        assertTrue(m.startsWith("<math><mrow><msub><mi>H</mi><mrow><mi mathvariant=\"normal\">out</mi></mrow></msub><mo>=</mo><mo>⌊</mo>"), m);
        assertTrue(m.contains("<mn>100</mn><mo>+</mo><mn>4</mn><mo>−</mo><mn>3</mn><mo>)</mo><mo>/</mo><mn>1</mn><mo>⌋</mo>"), m);
    }

    @Test
    void powersAndProducts() {
        assertEquals("<math><mrow><mn>3</mn><mo>·</mo><msup><mn>10</mn><mn>8</mn></msup></mrow></math>", MathMl.render("3·10^8"));
    }

    @Test
    void markupInTheFormulaIsEscaped() {
        String m = MathMl.render("a < b & <script>");
        assertTrue(m.contains("<mo>&lt;</mo>") && m.contains("<mo>&amp;</mo>") && !m.contains("<script>"), m);
    }

    @Test
    void chineseTextStaysTogether() {
        assertTrue(MathMl.render("输出 = 2").contains("<mtext>输出</mtext>"));
    }

    @Test
    void thousandsSeparatorsGroupButIndexCommasDoNot() {
        assertTrue(MathMl.render("196,609,000").contains("<mn>196,609,000</mn>"));
        assertTrue(MathMl.render("Y[0,1]").contains("<mn>0</mn><mo>,</mo><mn>1</mn>"));
    }
}
