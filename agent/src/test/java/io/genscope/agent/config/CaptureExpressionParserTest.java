package io.genscope.agent.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import io.genscope.agent.config.CaptureExpression.Root;
import io.genscope.agent.config.CaptureExpression.Segment;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class CaptureExpressionParserTest {

    @ParameterizedTest(name = "''{0}'' starts at {1}, prints as ''{2}''")
    @CsvSource(delimiter = '|', value = {
        "this.model.name      | THIS      | this.model.name",
        "'  return.source.length()  ' | RETURN | return.source.length()",
        "thrown               | THROWN    | thrown",
        "args[0].projectId    | ARGUMENT  | args[0].projectId",
        "args[12]             | ARGUMENT  | args[12]",
        "request.prompt       | PARAMETER | request.prompt",
        "it                   | PARAMETER | it",
        "$value._x1           | PARAMETER | $value._x1",
    })
    void validExpressionParsesToItsRootAndPrintsCanonically(String text, Root root, String canonical) {
        CaptureExpression expression = CaptureExpressionParser.parse(text);

        assertThat(expression.root()).isEqualTo(root);
        assertThat(expression).hasToString(canonical);
        assertThat(CaptureExpressionParser.parse(expression.toString())).isEqualTo(expression);
    }

    @Test
    void pathRecordsEachSegmentAndWhetherItIsACall() {
        CaptureExpression expression = CaptureExpressionParser.parse("args[2].prompt.length()");

        assertThat(expression).isEqualTo(new CaptureExpression(Root.ARGUMENT, 2, null,
                List.of(new Segment("prompt", false), new Segment("length", true))));
    }

    @Test
    void parameterRootKeepsItsName() {
        assertThat(CaptureExpressionParser.parse("request.id").parameterName()).isEqualTo("request");
    }

    @ParameterizedTest(name = "''{0}'' in element context is ''{1}''")
    @CsvSource({
        "code, it.code",
        "it, it",
        "it.code(), it.code()",
        "message.length, it.message.length",
        "code(), it.code()",
        "return.errors, return.errors",
    })
    void elementContextReadsBarePathsFromTheElement(String text, String canonical) {
        assertThat(CaptureExpressionParser.parseElement(text)).hasToString(canonical);
    }

    @ParameterizedTest(name = "''{0}''")
    @ValueSource(strings = {
        "args[x].foo", "this..a", "", "   ", "args.foo", "args[0", "args[]", "args[99999999999]", "this.",
        ".a", "this.a b", "this.a(x)", "this.a()()", "1abc", "this.1a", "return[0]",
    })
    void malformedExpressionIsRejectedWithOneLineReason(String text) {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> CaptureExpressionParser.parse(text))
                .withMessageContaining("capture expression")
                .withMessageNotContaining("\n");
    }

    @Test
    void reasonPointsAtTheColumnOfTheMistake() {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> CaptureExpressionParser.parse("this..a"))
                .withMessageStartingWith("'this..a' is not a capture expression: expected a field or method name at column 6");
    }
}
