package io.genscope.runtime.jfr;

import jdk.jfr.Category;
import jdk.jfr.Description;
import jdk.jfr.Event;
import jdk.jfr.Label;

/**
 * What every Genscope event says about the generation it belongs to, so JDK Mission Control can
 * group and filter generations, validations and retries by the same columns. Metadata only, as in
 * the store: names and counts, never prompt text, generated code or an error message.
 *
 * <p>The dimensions issue 13 adds (variant, pseudonymised user id, prompt category, request) are
 * fields of this class when they land, filled by {@link FlightRecorderThreadTimeline} from the
 * generation's record, so the three events carry them alike.
 */
@Category("Genscope")
abstract class GenscopeEvent extends Event {

    @Label("Generator")
    @Description("The generation rule of the generation this belongs to; empty outside any generation")
    String generator;

    @Label("Model")
    @Description("The model captured for that generation, if any")
    String model;

    @Label("Project")
    @Description("The project id captured for that generation, if any")
    String projectId;
}
