package io.genscope.runtime.jmx;

/** {@code io.genscope:type=Model,name=<model>}: the figures of generations by one model. */
@Description("Genscope: telemetry of the generations made with one model (default window)")
public interface ModelMXBean extends FiguresMXBean, AnyWindowMXBean {

    @Description("The model name, as captured by the generation rules' model expression")
    String getModel();
}
