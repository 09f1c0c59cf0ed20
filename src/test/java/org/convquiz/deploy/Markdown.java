package org.convquiz.deploy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** The fenced code blocks of a Markdown file, for the tests that run a README's examples. */
public final class Markdown {
    /** One ```lang … ``` block: its language tag, its text, and the line it starts on. */
    public record Block(String lang, String text, int line) {
    }

    private Markdown() {
    }

    public static List<Block> blocks(Path file) {
        List<String> lines;
        try {
            lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        List<Block> out = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).startsWith("```")) {
                String lang = lines.get(i).substring(3).trim();
                StringBuilder text = new StringBuilder();
                int start = i + 1;
                for (i++; i < lines.size() && !lines.get(i).startsWith("```"); i++) {
                    text.append(lines.get(i)).append('\n');
                }
                out.add(new Block(lang, text.toString(), start));
            }
        }
        return out;
    }

    public static List<Block> blocks(Path file, String lang) {
        return blocks(file).stream().filter(b -> b.lang().equals(lang)).toList();
    }
}
