package io.genscope.agent.it;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One section of the project's README, read the way a user reads it: the shell commands of its
 * {@code bash} blocks and the rows of its tables. Tests run what the README says rather than a
 * copy of it, so the README cannot drift from what works.
 */
final class Readme {

    /** The README at the repository root; the agent module's folder is the tests' working directory. */
    private static final Path FILE = Path.of("..", "README.md");
    private static final String FENCE = "```";
    private static final Pattern CODE_SPAN = Pattern.compile("`([^`]+)`");
    private static final Pattern WORD = Pattern.compile("\"([^\"]*)\"|(\\S+)");

    private final List<String> lines;

    private Readme(List<String> lines) {
        this.lines = lines;
    }

    /**
     * The lines from {@code heading} (a whole heading line, such as {@code ### Remote access}) to
     * the next heading of the same or a higher level outside a code block.
     */
    static Readme section(String heading) throws IOException {
        List<String> all = Files.readAllLines(FILE);
        int start = all.indexOf(heading);
        if (start < 0) {
            throw new AssertionError("README.md has no heading '" + heading + "'");
        }
        int level = heading.indexOf(' ');
        List<String> section = new ArrayList<>();
        boolean inCode = false;
        for (String line : all.subList(start + 1, all.size())) {
            String text = line.strip();
            inCode ^= text.startsWith(FENCE);
            if (!inCode && text.startsWith("#") && text.indexOf(' ') <= level && text.matches("#+ .*")) {
                break;
            }
            section.add(line);
        }
        return new Readme(section);
    }

    /** The same section with each key of {@code replacements} (a placeholder) replaced by its value. */
    Readme replacing(Map<String, String> replacements) {
        List<String> replaced = new ArrayList<>();
        for (String line : lines) {
            for (Map.Entry<String, String> replacement : replacements.entrySet()) {
                line = line.replace(replacement.getKey(), replacement.getValue());
            }
            replaced.add(line);
        }
        return new Readme(replaced);
    }

    /**
     * Every command of the section's {@code bash} blocks, as the words a shell would pass to the
     * program: continuation lines joined, double quotes removed.
     */
    List<List<String>> commands() {
        List<List<String>> commands = new ArrayList<>();
        StringBuilder command = new StringBuilder();
        boolean inBash = false;
        for (String line : lines) {
            String text = line.strip();
            if (text.startsWith(FENCE)) {
                inBash = !inBash && text.equals(FENCE + "bash");
            } else if (inBash && !text.isEmpty()) {
                boolean continues = text.endsWith("\\");
                command.append(continues ? text.substring(0, text.length() - 1) : text).append(' ');
                if (!continues) {
                    commands.add(words(command.toString()));
                    command.setLength(0);
                }
            }
        }
        return commands;
    }

    /** The one command of the section that runs {@code program}. */
    List<String> command(String program) {
        List<List<String>> found = commands().stream().filter(words -> words.get(0).equals(program)).toList();
        if (found.size() != 1) {
            throw new AssertionError("README section has " + found.size() + " '" + program + "' commands");
        }
        return found.get(0);
    }

    /**
     * The rows of the section's {@code index}th table (from 0), by each {@code `code`} span of
     * their first cell; the value is the row's cells. Rows whose first cell has no code span
     * (the header) are left out.
     */
    Map<String, List<String>> tableRows(int index) {
        Map<String, List<String>> rows = new LinkedHashMap<>();
        int table = -1;
        boolean inTable = false;
        for (String line : lines) {
            boolean row = line.startsWith("|");
            if (row && !inTable) {
                table++;
            }
            inTable = row;
            if (row && table == index) {
                List<String> cells = List.of(line.substring(1).split("\\|")).stream().map(String::strip).toList();
                Matcher code = CODE_SPAN.matcher(cells.get(0));
                while (code.find()) {
                    rows.put(code.group(1), cells);
                }
            }
        }
        return rows;
    }

    private static List<String> words(String command) {
        List<String> words = new ArrayList<>();
        Matcher word = WORD.matcher(command);
        while (word.find()) {
            words.add(word.group(1) != null ? word.group(1) : word.group(2));
        }
        return words;
    }
}
