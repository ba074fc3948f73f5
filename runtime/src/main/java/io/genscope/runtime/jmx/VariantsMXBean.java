package io.genscope.runtime.jmx;

import io.genscope.runtime.analytics.compare.AbComparison;
import io.genscope.runtime.analytics.compare.VariantComparison;

import java.util.Map;

/**
 * {@code io.genscope:type=Variants} over the default window, and
 * {@code io.genscope:type=Variants,window=<w>} for each of {@code store.windows}: every prompt
 * variant against the baseline ({@code ab-test.baseline}, or the first variant by name), with the
 * difference in success rate and first-pass rate and its 95 % interval (Newcombe's hybrid score
 * method), the difference in p95 generation time, the sample sizes and a verdict. Attributes
 * for a {@code readonly} JMX user; the operation for another window.
 */
@Description("Genscope: A/B comparison of prompt variants with a baseline over this MBean's window (see WindowSeconds):"
        + " rate differences with 95 % intervals, sample sizes and a verdict per variant")
public interface VariantsMXBean {

    @Description("The whole comparison in one consistent read: window, baseline, note and each variant against the"
            + " baseline")
    AbComparison getComparison();

    @Description("Length of this MBean's window in seconds (whole time slices, at most the retention)")
    long getWindowSeconds();

    @Description("The variant the others are compared with: ab-test.baseline, or the first variant by name; \"\" when"
            + " no variant has a generation in the window")
    String getBaseline();

    @Description("Variant -> its comparison with the baseline over the window, by variant name")
    Map<String, VariantComparison> getComparisons();

    @Description("The comparison over the last windowSeconds (rounded up to whole slices, at most the retention)")
    AbComparison comparisonForWindow(
            @Description(name = "windowSeconds", value = "window length in seconds") long windowSeconds);
}
