package io.genscope.runtime.jfr;

import jdk.jfr.Category;
import jdk.jfr.Description;
import jdk.jfr.Event;
import jdk.jfr.Label;
import jdk.jfr.Name;

/**
 * One request: the outermost request-role call on a thread, from its entry to its end. Not a
 * {@link GenscopeEvent}: a request may hold several generations, so it has no generation's
 * metadata; its {@link #request} number is the one its generations', validations' and retries'
 * events carry.
 */
@Name("io.genscope.Request")
@Label("Request")
@Category("Genscope")
@Description("One request, from the call of the request method to its end; the generations, validations and retries"
        + " made in it carry its number")
final class RequestEvent extends Event {

    @Label("Request")
    @Description("The request's number, unique in this JVM")
    long request;

    @Label("Outcome")
    @Description("succeeded, generation_failed (it returned but one of its generations failed) or threw")
    String outcome;

    @Label("Generations")
    @Description("The generations started in the request")
    int generations;
}
