package io.genscope.agent.config;

/**
 * The {@code jfr} section: Genscope's events in the JDK Flight Recorder.
 *
 * @param events {@code jfr.events}: whether generations, validations, retries and requests are also
 *               JFR events ({@code io.genscope.Generation}, {@code io.genscope.Validation},
 *               {@code io.genscope.Retry}, {@code io.genscope.Request}), recorded only while a
 *               recording that enables them runs.
 *               Default {@code true}: without a recording each call only reads a flag.
 */
public record JfrSettings(boolean events) {
}
