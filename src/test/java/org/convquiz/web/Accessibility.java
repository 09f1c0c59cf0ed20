package org.convquiz.web;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.chrome.ChromeDriver;

/**
 * Checks of the page a browser shows, for the browser tests: axe-core (served from the test resources, never a
 * CDN) must report no serious or critical violation; no page may scroll sideways at 1280 or 390 px; and a
 * Chinese page may show no Latin-only word outside code, formulas and names (a few allowed words, below).
 */
public final class Accessibility {
    private static final String AXE = read("/axe/axe.min.js");
    /** Words a Chinese page may show in Latin letters: product and library names, PyTorch argument names, notation, the tutorial's "max id". */
    private static final List<String> LATIN_ALLOWED = List.of("ConvQuiz", "PyTorch", "English", "CSV", "UTF", "BOM", "YAML", "API",
            "Canvas", "Moodle", "MathML", "ReLU", "Conv2d", "MaxPool2d", "AvgPool2d", "nn", "torch", "Size", "kernel_size", "padding",
            "stride", "ceil_mode", "bias", "in_channels", "out_channels", "username", "name", "email", "student_number", "token",
            "set", "password", "id", "zh", "en", "UTC", "dilation", "groups", "torchsummary", "max", "C", "H", "W", "X", "Y", "K", "n", "k", "p", "s",
            // PyTorch layer names and the names of the classic networks the calculator offers
            "Sequential", "Flatten", "Linear", "BatchNorm2d", "ConvTranspose2d", "LeNet", "AlexNet", "VGG", "ResNet", "MobileNet", "DCGAN",
            "torchvision", "conv");

    private Accessibility() {
    }

    private static String read(String resource) {
        try (InputStream in = Accessibility.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("missing test resource " + resource);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Problems of the current page at 1280 px and at 390 px (empty when none); the window is left at 1280 px. */
    public static List<String> problems(ChromeDriver driver, String lang) {
        return problems(driver, lang, java.util.Set.of());
    }

    /**
     * The same, where {@code userText} (course titles, people's names, user names the test made up) is not the
     * app's wording and is left out of the language check.
     */
    public static List<String> problems(ChromeDriver driver, String lang, java.util.Set<String> userText) {
        List<String> out = new ArrayList<>();
        for (int width : new int[] {1280, 390}) {
            driver.manage().window().setSize(new Dimension(width, 900));
            JavascriptExecutor js = driver;
            Object wide = js.executeScript("return document.scrollingElement.scrollWidth - window.innerWidth;");
            if (((Number) wide).intValue() > 1) {
                Object culprit = js.executeScript("""
                        let worst = null, right = window.innerWidth;
                        for (const e of document.body.querySelectorAll('*')) {
                          const r = e.getBoundingClientRect();
                          if (r.right > right + 1 && !e.closest('.table-scroll, .grid-scroll, .picture-wrap, .derivation-scroll')) { right = r.right; worst = e; }
                        }
                        return worst ? worst.tagName.toLowerCase() + (worst.className && worst.className.baseVal === undefined ? '.' + String(worst.className).replace(/ /g, '.') : '')
                            + ' in ' + (worst.parentElement ? worst.parentElement.tagName.toLowerCase() + '.' + worst.parentElement.className : '') : 'none';""");
                out.add(width + " px: the page scrolls sideways by " + wide + " px (widest: " + culprit + ")");
            }
            if (!Boolean.TRUE.equals(js.executeScript("return typeof window.axe !== 'undefined';"))) {
                js.executeScript(AXE);
            }
            @SuppressWarnings("unchecked")
            List<Map<String, Object>> violations = (List<Map<String, Object>>) js.executeAsyncScript("""
                    const done = arguments[arguments.length - 1];
                    axe.run(document, {resultTypes: ['violations']}).then(r => done(r.violations
                        .filter(v => v.impact === 'serious' || v.impact === 'critical')
                        .map(v => ({id: v.id, impact: v.impact, nodes: v.nodes.slice(0, 3).map(n => n.target.join(' ')).join(' | ')}))));""");
            for (Map<String, Object> v : violations) {
                out.add(width + " px: axe " + v.get("impact") + " " + v.get("id") + " at " + v.get("nodes"));
            }
        }
        driver.manage().window().setSize(new Dimension(1280, 1000));
        if ("zh".equals(lang)) {
            String text = (String) ((JavascriptExecutor) driver).executeScript("""
                    const skip = 'code, pre, math, svg, textarea, script, style, .latin-ok, [translate=no], .who, option';
                    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
                    const parts = [];
                    for (let n = walker.nextNode(); n; n = walker.nextNode()) {
                      const el = n.parentElement;
                      if (!el || el.closest(skip) || el.closest('[hidden]')) continue;
                      parts.push(n.nodeValue);
                    }
                    document.querySelectorAll('[aria-label]').forEach(e => parts.push(e.getAttribute('aria-label')));
                    return parts.join(' ');""");
            for (String user : userText) {
                text = text.replace(user, " ");
            }
            // Paths, addresses and assignments (exercises/README.md, ?bom=false) are code, not wording.
            text = text.replaceAll("\\S*[/=]\\S*", " ");
            // Hyphenated names with a digit (exercise ids such as fig1-cross-correlation) are identifiers too.
            text = text.replaceAll("(?<![A-Za-z0-9_-])(?=[A-Za-z0-9_-]*\\d)(?=[A-Za-z0-9_-]*-)[A-Za-z0-9_-]+", " ");
            // Words are runs of letters, digits and _ (so "fig2" or "s1a2b3" are identifiers, not English).
            java.util.regex.Matcher m = java.util.regex.Pattern.compile("[A-Za-z0-9_]+").matcher(text);
            java.util.Set<String> words = new java.util.TreeSet<>();
            while (m.find()) {
                String w = m.group();
                if (w.length() >= 2 && w.matches("[A-Za-z]+") && !LATIN_ALLOWED.contains(w)) {
                    words.add(w);
                }
            }
            if (!words.isEmpty()) {
                out.add("zh page shows Latin words: " + words);
            }
        }
        return out;
    }
}
