package io.genscope.agent.config;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;
import java.util.StringJoiner;

/**
 * The {@link ValueReader}s for every kind of value in the config file. Each failure message says
 * what was found and what form would be valid; the caller adds the field and the consequence.
 *
 * <p><b>Note:</b> readers are classes, never lambdas or method references: each lambda is a class
 * the JVM spins at its first use (about 0.25 ms, interpreted), while a nested class loads from
 * the agent jar on the bootstrap class path, unverified, in about a hundredth of that. The
 * config is read at every start (issue 14; {@code LeanStartupIT} pins it).
 */
final class Values {

    static final String CLASS_FORM = "a class name such as com.acme.CodeGenerator or a glob such as com.acme.*Generator";
    static final String METHOD_FORM = "a method name such as generate or a glob such as generate*";
    static final String TYPE_FORM = "a fully qualified type name such as com.acme.Generator";
    static final String PARAMETER_FORM = "a type name such as com.acme.Request, int or java.lang.String[]";
    static final String EXPRESSION_FORM = "a capture expression such as args[0].prompt.length";

    private Values() {
    }

    static ValueReader<Boolean> bool() {
        return new ValueReader<>() {
            @Override
            public Boolean read(YamlNode node) throws InvalidValueException {
                YamlNode.Scalar scalar = scalar(node, "true or false");
                if (scalar.kind() == YamlNode.Scalar.Kind.TRUE || scalar.text().equalsIgnoreCase("true")) {
                    return true;
                }
                if (scalar.kind() == YamlNode.Scalar.Kind.FALSE || scalar.text().equalsIgnoreCase("false")) {
                    return false;
                }
                throw new InvalidValueException(node.display() + " is not true or false");
            }
        };
    }

    /** A whole number in {@code [min, max]}; YAML's digit separators ({@code 1_000}) are allowed. */
    static ValueReader<Integer> wholeNumber(int min, int max) {
        String range = "a whole number from " + min + " to " + max;
        return new ValueReader<>() {
            @Override
            public Integer read(YamlNode node) throws InvalidValueException {
                String text = scalar(node, range).text();
                BigInteger number;
                try {
                    number = new BigInteger(text.replace("_", ""));
                } catch (NumberFormatException e) {
                    throw new InvalidValueException(node.display() + " is not a whole number; use " + range);
                }
                if (number.compareTo(BigInteger.valueOf(min)) < 0 || number.compareTo(BigInteger.valueOf(max)) > 0) {
                    throw new InvalidValueException(text + " is out of range; use " + range);
                }
                return number.intValueExact();
            }
        };
    }

    /** How a fraction is written in the config. */
    static final String FRACTION_FORM = "a fraction more than 0 and less than 1, such as 0.2 for 20%";

    /** A number more than 0 and less than 1, as rates are written: {@code 0.2} is 20%. */
    static ValueReader<Double> fraction() {
        return new ValueReader<>() {
            @Override
            public Double read(YamlNode node) throws InvalidValueException {
                String text = scalar(node, FRACTION_FORM).text();
                BigDecimal number;
                try {
                    number = new BigDecimal(text.replace("_", ""));
                } catch (NumberFormatException e) {
                    throw new InvalidValueException(node.display() + " is not a number; use " + FRACTION_FORM);
                }
                if (number.signum() <= 0 || number.compareTo(BigDecimal.ONE) >= 0) {
                    throw new InvalidValueException(text + " is out of range; use " + FRACTION_FORM);
                }
                return number.doubleValue();
            }
        };
    }

    /** How a size is written in the config. */
    static final String SIZE_FORM = "a whole number of KB, MB or GB such as 64MB (1 MB = 1024 KB = 1048576 bytes)";

    /** A size in bytes from {@code min} to {@code max}, written as a whole number of KB, MB or GB. */
    static ValueReader<Long> size(long min, long max) {
        String range = SIZE_FORM + ", from " + ByteSizes.format(min) + " to " + ByteSizes.format(max);
        return new ValueReader<>() {
            @Override
            public Long read(YamlNode node) throws InvalidValueException {
                String text = scalar(node, range).text();
                Long bytes = ByteSizes.parse(text);
                if (bytes == null) {
                    throw new InvalidValueException(node.display() + " is not a size; use " + range);
                }
                if (bytes < min || bytes > max) {
                    throw new InvalidValueException(text + " is out of range; use " + range);
                }
                return bytes;
            }
        };
    }

    /** A positive duration of at least {@code min}, in one of the {@link Durations#FORMS}. */
    static ValueReader<Duration> duration(Duration min) {
        return new ValueReader<>() {
            @Override
            public Duration read(YamlNode node) throws InvalidValueException {
                Duration duration = Durations.parse(scalar(node, "a duration: " + Durations.FORMS).text());
                if (duration == null) {
                    throw new InvalidValueException(node.display() + " is not a duration; use " + Durations.FORMS);
                }
                if (duration.isZero() || duration.isNegative()) {
                    throw new InvalidValueException(node.display() + " is not positive; use a duration longer than zero");
                }
                if (duration.compareTo(min) < 0) {
                    throw new InvalidValueException(node.display() + " is too short; use at least " + Durations.format(min));
                }
                return duration;
            }
        };
    }

    /**
     * One of {@code choices}, by its config spelling ({@link #spelling}), ignoring case.
     *
     * <pre>{@code
     * new Values.OneOf<>("a role", Arrays.asList(Role.values())) {
     *     String spelling(Role role) { return role.configName(); }
     * }
     * }</pre>
     */
    abstract static class OneOf<E> implements ValueReader<E> {

        private final String noun;
        private final List<E> choices;

        /** @param noun what a choice is, with its article, as in {@code a role} */
        OneOf(String noun, List<E> choices) {
            this.noun = noun;
            this.choices = choices;
        }

        /** How the config spells {@code choice}. */
        abstract String spelling(E choice);

        /** The choices as the config spells them, separated by commas: {@code generation, validation, ...}. */
        final String spellings() {
            StringJoiner spelled = new StringJoiner(", ");
            for (E choice : choices) {
                spelled.add(spelling(choice));
            }
            return spelled.toString();
        }

        @Override
        public final E read(YamlNode node) throws InvalidValueException {
            String valid = "use one of " + spellings();
            String text = scalar(node, noun + "; " + valid).text();
            for (E choice : choices) {
                if (spelling(choice).equalsIgnoreCase(text)) {
                    return choice;
                }
            }
            throw new InvalidValueException(node.display() + " is not " + noun + "; " + valid);
        }
    }

    /** One of {@code choices}, spelled as given, ignoring case. */
    static OneOf<String> oneOf(String noun, List<String> choices) {
        return new OneOf<>(noun, choices) {
            @Override
            String spelling(String choice) {
                return choice;
            }
        };
    }

    /** Any text of at most {@code maxLength} characters. */
    static ValueReader<String> text(String form, int maxLength) {
        return new ValueReader<>() {
            @Override
            public String read(YamlNode node) throws InvalidValueException {
                String text = scalar(node, form).text();
                if (text.length() > maxLength) {
                    throw new InvalidValueException("expected " + form + " of at most " + maxLength + " characters, got "
                            + text.length());
                }
                return text;
            }
        };
    }

    static ValueReader<String> typeName(String form) {
        return name(form, NameSyntax.TYPE);
    }

    /** {@code class}: a {@link ClassSelector.Named} or, with {@code *} or {@code ?}, a {@link ClassSelector.Glob}. */
    static ValueReader<ClassSelector> classSelector() {
        ValueReader<String> pattern = name(CLASS_FORM, NameSyntax.CLASS_PATTERN);
        return new ValueReader<>() {
            @Override
            public ClassSelector read(YamlNode node) throws InvalidValueException {
                String text = pattern.read(node);
                return JavaNames.isGlob(text) ? new ClassSelector.Glob(text) : new ClassSelector.Named(text);
            }
        };
    }

    static ValueReader<String> methodPattern() {
        return name(METHOD_FORM, NameSyntax.METHOD_PATTERN);
    }

    static ValueReader<String> parameterType() {
        return name(PARAMETER_FORM, NameSyntax.PARAMETER_TYPE);
    }

    static ValueReader<Pattern> regex() {
        return new ValueReader<>() {
            @Override
            public Pattern read(YamlNode node) throws InvalidValueException {
                String text = scalar(node, "a Java regular expression").text();
                try {
                    return Pattern.compile(text);
                } catch (PatternSyntaxException e) {
                    throw new InvalidValueException(node.display() + " is not a Java regular expression: "
                            + e.getDescription() + " near index " + e.getIndex());
                }
            }
        };
    }

    /** A Java regular expression with at least one capturing group (group 1 is what it picks). */
    static ValueReader<Pattern> regexWithGroup() {
        ValueReader<Pattern> regex = regex();
        return new ValueReader<>() {
            @Override
            public Pattern read(YamlNode node) throws InvalidValueException {
                Pattern pattern = regex.read(node);
                if (pattern.matcher("").groupCount() < 1) {
                    throw new InvalidValueException(node.display() + " has no group; put the part that is the type in"
                            + " parentheses, as in 'error (TS\\d+):'");
                }
                return pattern;
            }
        };
    }

    /** A capture expression, through {@link CaptureExpressionParser#parse}. */
    static ValueReader<CaptureExpression> expression() {
        return expression(false);
    }

    /** An element's capture expression in an {@code errors} capture, through {@link CaptureExpressionParser#parseElement}. */
    static ValueReader<CaptureExpression> elementExpression() {
        return expression(true);
    }

    private static ValueReader<CaptureExpression> expression(boolean element) {
        return new ValueReader<>() {
            @Override
            public CaptureExpression read(YamlNode node) throws InvalidValueException {
                try {
                    String text = scalar(node, EXPRESSION_FORM).text();
                    return element ? CaptureExpressionParser.parseElement(text) : CaptureExpressionParser.parse(text);
                } catch (IllegalArgumentException e) {
                    throw new InvalidValueException(e.getMessage());
                }
            }
        };
    }

    /** A list whose items {@code item} reads; a bad item is cited by its own line and index. */
    static <T> ValueReader<List<T>> listOf(ValueReader<T> item, String itemForm) {
        return new ValueReader<>() {
            @Override
            public List<T> read(YamlNode node) throws InvalidValueException {
                if (!(node instanceof YamlNode.Sequence sequence)) {
                    throw new InvalidValueException("expected a list of " + itemForm + ", got " + node.display());
                }
                List<T> values = new ArrayList<>();
                for (int i = 0; i < sequence.items().size(); i++) {
                    YamlNode element = sequence.items().get(i);
                    try {
                        values.add(item.read(element));
                    } catch (InvalidValueException e) {
                        throw new InvalidValueException(e.getMessage(), element, YamlNode.itemPath("", i));
                    }
                }
                return values;
            }
        };
    }

    /** Which of {@link JavaNames}' checks a name must pass. */
    private enum NameSyntax {
        TYPE, CLASS_PATTERN, METHOD_PATTERN, PARAMETER_TYPE;

        boolean accepts(String text) {
            return switch (this) {
                case TYPE -> JavaNames.isTypeName(text);
                case CLASS_PATTERN -> JavaNames.isClassPattern(text);
                case METHOD_PATTERN -> JavaNames.isMethodPattern(text);
                case PARAMETER_TYPE -> JavaNames.isParameterType(text);
            };
        }
    }

    /** A name of {@code syntax}, stripped of surrounding blanks. */
    private static ValueReader<String> name(String form, NameSyntax syntax) {
        return new ValueReader<>() {
            @Override
            public String read(YamlNode node) throws InvalidValueException {
                String text = scalar(node, form).text().strip();
                if (!syntax.accepts(text)) {
                    throw new InvalidValueException(node.display() + " is not " + form);
                }
                return text;
            }
        };
    }

    /** The node as a non-empty scalar, or a failure naming the {@code form} expected. */
    private static YamlNode.Scalar scalar(YamlNode node, String form) throws InvalidValueException {
        if (node instanceof YamlNode.Scalar scalar && !scalar.isNull() && !scalar.text().isBlank()) {
            return scalar;
        }
        String found = node instanceof YamlNode.Scalar ? "nothing" : node.display();
        throw new InvalidValueException("expected " + form + ", got " + found);
    }
}
