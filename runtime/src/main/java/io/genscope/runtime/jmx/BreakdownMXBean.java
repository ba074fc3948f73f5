package io.genscope.runtime.jmx;

import java.util.Map;

/**
 * {@code io.genscope:type=Breakdown,dimension=<variant|project|user|prompt-category>}: the figures
 * per value of one dimension over the default window, and
 * {@code io.genscope:type=Breakdown,dimension=<d>,window=<w>} over each of {@code store.windows};
 * registered for the dimensions some generation rule captures.
 */
@Description("Genscope: generation figures per value of one breakdown dimension (variant, project, user or prompt"
        + " category) over one window")
public interface BreakdownMXBean {

    /** The most rows {@link #getTop()} shows. */
    int TOP = 20;

    @Description("The dimension: variant, project, user (pseudonyms unless store.user-ids is plain) or"
            + " prompt-category")
    String getDimension();

    @Description("Length of the window the figures cover, in seconds (whole time slices, at most the retention)")
    long getWindowSeconds();

    @Description("Distinct values with a completed generation in the window, (other) included, a count")
    int getValues();

    @Description("Value -> its figures over the window, for the 20 values with the most completed generations,"
            + " most first")
    Map<String, BreakdownFigures> getTop();
}
