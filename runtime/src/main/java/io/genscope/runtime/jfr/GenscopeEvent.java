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
 * <p>The breakdown values (variant, user id as the store keeps it: a pseudonym unless
 * {@code store.user-ids} is plain, prompt category) come from the generation's record, and the
 * request number from the thread's open request, all filled by {@link FlightRecorderThreadTimeline}
 * so the events carry them alike.
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

    @Label("Variant")
    @Description("The variant (prompt template version, experiment arm) captured for that generation, if any")
    String variant;

    @Label("User")
    @Description("The user id captured for that generation as the store keeps it: a pseudonym (12 hex digits)"
            + " unless store.user-ids is plain")
    String userId;

    @Label("Prompt Category")
    @Description("The prompt category captured for that generation, if any")
    String promptCategory;

    @Label("Request")
    @Description("The number, unique in this JVM, of the request (request-role call) this happened in, as on"
            + " its io.genscope.Request event; 0 outside any request")
    long request;
}
