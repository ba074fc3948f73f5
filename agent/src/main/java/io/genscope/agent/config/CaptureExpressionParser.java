package io.genscope.agent.config;

import io.genscope.agent.config.CaptureExpression.Root;
import io.genscope.agent.config.CaptureExpression.Segment;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads the text of a capture expression into a {@link CaptureExpression}, checking its syntax:
 * <pre>
 *   expression = root ( '.' segment )*
 *   root       = 'this' | 'return' | 'thrown' | 'args[' digits ']' | parameter-name
 *   segment    = java-identifier [ '()' ]
 * </pre>
 * Surrounding white space is ignored, none is allowed inside. In element context (the
 * {@code type} and {@code message} of an {@code errors} capture) the root may also be {@code it},
 * and a path without a known root, such as {@code message.length}, starts at {@code it}.
 *
 * <p>Parsing is done once, at load time; the result is resolved to method handles later.
 */
public final class CaptureExpressionParser {

    private static final String SYNTAX = "write root(.name)* where root is this, return, thrown, "
            + "args[N] or a parameter name, and a name may end in () for a method call";

    private final String text;
    private final boolean elementContext;
    private int position;

    private CaptureExpressionParser(String text, boolean elementContext) {
        this.text = text.strip();
        this.elementContext = elementContext;
    }

    /**
     * Parses an expression evaluated against the intercepted call.
     *
     * @throws IllegalArgumentException with a one-line reason if the syntax is wrong
     */
    public static CaptureExpression parse(String text) {
        return new CaptureExpressionParser(text, false).expression();
    }

    /**
     * Parses an expression evaluated against one element of an {@code errors} capture: root
     * {@code it} is allowed and a bare path such as {@code code} means {@code it.code}.
     *
     * @throws IllegalArgumentException with a one-line reason if the syntax is wrong
     */
    public static CaptureExpression parseElement(String text) {
        return new CaptureExpressionParser(text, true).expression();
    }

    private CaptureExpression expression() {
        if (text.isEmpty()) {
            throw new IllegalArgumentException("a capture expression may not be empty; " + SYNTAX);
        }
        String first = identifier("this, return, thrown, args[N] or a parameter name");
        List<Segment> segments = new ArrayList<>();
        Root root;
        int argumentIndex = -1;
        String parameterName = null;
        switch (first) {
            case "this" -> root = Root.THIS;
            case "return" -> root = Root.RETURN;
            case "thrown" -> root = Root.THROWN;
            case "args" -> {
                root = Root.ARGUMENT;
                argumentIndex = argumentIndex();
            }
            default -> {
                if (elementContext) {
                    root = Root.ELEMENT;
                    if (!first.equals("it")) {
                        segments.add(new Segment(first, call()));
                    }
                } else {
                    root = Root.PARAMETER;
                    parameterName = first;
                }
            }
        }
        while (position < text.length()) {
            expect('.', "'.' or the end");
            segments.add(new Segment(identifier("a field or method name"), call()));
        }
        return new CaptureExpression(root, argumentIndex, parameterName, segments);
    }

    private String identifier(String expected) {
        int start = position;
        if (position < text.length() && Character.isJavaIdentifierStart(text.charAt(position))) {
            position++;
            while (position < text.length() && Character.isJavaIdentifierPart(text.charAt(position))) {
                position++;
            }
        }
        if (start == position) {
            throw failure("expected " + expected);
        }
        return text.substring(start, position);
    }

    private boolean call() {
        if (text.startsWith("()", position)) {
            position += 2;
            return true;
        }
        return false;
    }

    private int argumentIndex() {
        expect('[', "'[' after args, as in args[0]");
        int start = position;
        while (position < text.length() && Character.isDigit(text.charAt(position))) {
            position++;
        }
        if (start == position) {
            throw failure("expected an argument index from 0 up, as in args[0]");
        }
        int index;
        try {
            index = Integer.parseInt(text.substring(start, position));
        } catch (NumberFormatException tooLarge) {
            throw failure("the argument index is too large");
        }
        expect(']', "']' after the argument index");
        return index;
    }

    private void expect(char wanted, String expected) {
        if (position >= text.length() || text.charAt(position) != wanted) {
            throw failure("expected " + expected);
        }
        position++;
    }

    private IllegalArgumentException failure(String reason) {
        String found = position < text.length() ? "'" + text.charAt(position) + "'" : "the end";
        return new IllegalArgumentException("'" + text + "' is not a capture expression: " + reason
                + " at column " + (position + 1) + " but found " + found + "; " + SYNTAX);
    }
}
