package io.genscope.agent.config;

import io.genscope.agent.config.YamlNode.Scalar.Kind;
import java.util.Locale;

/**
 * How YAML, as Jackson's parser reads it, types a plain (unquoted, untagged) scalar: the words
 * {@code true}, {@code yes}, {@code on}, {@code false}, {@code no}, {@code off} and {@code null},
 * each in lower case, Capitalised or UPPER CASE, and {@code ~} or nothing for null. Any other text,
 * {@code tRue} included, is just text. For the readers that do not go through Jackson
 * ({@link PlainBlockYaml}, {@link YamlEventReader}); their tests hold them to Jackson's answers.
 */
final class YamlWords {

    private YamlWords() {
    }

    static Kind kind(String plain) {
        if (plain.isEmpty() || plain.equals("~")) {
            return Kind.NULL;
        }
        String lower = plain.toLowerCase(Locale.ROOT);
        Kind kind = switch (lower) {
            case "true", "yes", "on" -> Kind.TRUE;
            case "false", "no", "off" -> Kind.FALSE;
            case "null" -> Kind.NULL;
            default -> Kind.OTHER;
        };
        boolean spelled = plain.equals(lower) || plain.equals(lower.toUpperCase(Locale.ROOT))
                || plain.equals(Character.toUpperCase(lower.charAt(0)) + lower.substring(1));
        return spelled ? kind : Kind.OTHER;
    }
}
