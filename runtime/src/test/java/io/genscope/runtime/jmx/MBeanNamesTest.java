package io.genscope.runtime.jmx;

import io.genscope.runtime.testing.GenscopeMBeans;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import javax.management.MalformedObjectNameException;
import javax.management.ObjectName;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A Generator or Model MBean's {@code name} is the name as it is unless {@code ObjectName}
 * requires quotes; any name, quoted or not, makes a valid MBean name (no pattern) that reads back
 * as the name.
 */
class MBeanNamesTest {

    private static ObjectName modelMBean(String model) throws MalformedObjectNameException {
        return new ObjectName("io.genscope:type=Model,name=" + MBeanNames.value(model));
    }

    @ParameterizedTest
    @ValueSource(strings = {"codex-mini", "gpt-4o", "(other)", "claude 3.5 sonnet", "a\\b", "модель", "o1/preview", ""})
    void aNameObjectNameTakesAsItIsIsNotQuoted(String model) throws MalformedObjectNameException {
        ObjectName mbean = modelMBean(model);

        assertThat(MBeanNames.value(model)).isEqualTo(model);
        assertThat(mbean.isPattern()).isFalse();
        assertThat(mbean.getKeyProperty("name")).isEqualTo(model);
    }

    @ParameterizedTest
    @ValueSource(strings = {"a,b", "a=b", "a:b", "say \"hi\"", "gpt-*", "gpt-?", "two\nlines", "\"", "*"})
    void aNameWithACharacterObjectNameDoesNotTakeUnquotedIsQuoted(String model) throws MalformedObjectNameException {
        ObjectName mbean = modelMBean(model);

        assertThat(mbean.getKeyProperty("name")).startsWith("\"");
        assertThat(mbean.isPattern()).isFalse();
        assertThat(GenscopeMBeans.nameOf(mbean)).isEqualTo(model);
    }

    @ParameterizedTest
    @ValueSource(strings = {"\u0000", "\r\n", "\ud800", "\\\"*?\n", "tab\tand\u2028separator", "\"quoted\""})
    void anyOtherNameStillMakesAValidMBeanNameThatReadsBack(String model) throws MalformedObjectNameException {
        ObjectName mbean = modelMBean(model);

        assertThat(mbean.isPattern()).isFalse();
        assertThat(GenscopeMBeans.nameOf(mbean)).isEqualTo(model);
    }
}
