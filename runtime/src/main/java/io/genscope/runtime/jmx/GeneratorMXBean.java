package io.genscope.runtime.jmx;

/** {@code io.genscope:type=Generator,name=<rule>}: the figures of generations started by one rule. */
@Description("Genscope: telemetry of the generations started by one generation rule (default window)")
public interface GeneratorMXBean extends FiguresMXBean, AnyWindowMXBean {

    @Description("The rule's name in the config file")
    String getRule();
}
