package io.genscope.runtime.jmx;

import io.genscope.runtime.metrics.Label;
import io.genscope.runtime.metrics.MetricFamily;
import io.genscope.runtime.metrics.MetricType;
import io.genscope.runtime.metrics.MetricsSource;
import io.genscope.runtime.metrics.Sample;

import javax.management.Attribute;
import javax.management.AttributeList;
import javax.management.AttributeNotFoundException;
import javax.management.DynamicMBean;
import javax.management.ImmutableDescriptor;
import javax.management.MBeanAttributeInfo;
import javax.management.MBeanInfo;
import javax.management.ReflectionException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * One fleet metric family ({@code io.genscope:type=Metrics,name=genscope_generations}) as plain
 * numbers, for the Prometheus JMX exporter ({@code jmx_prometheus_javaagent}) and for people in
 * JConsole: one read-only {@code double} attribute per series, named as Prometheus names it,
 * {@code genscope_generations_total{generator="generate",model="codex-mini",outcome="success"}}
 * (a histogram's {@code _bucket}, {@code _sum} and {@code _count} series alike).
 *
 * <p>Why this shape: the exporter turns an attribute into
 * {@code io.genscope<type=Metrics, name=FAMILY><>ATTRIBUTE: VALUE} and its rules cut metric name
 * and labels out of that line with a regular expression
 * ({@code docs/prometheus/jmx-exporter.yaml}). Label values are model names, error types and
 * dependency names the application chose, so they stay out of the {@code ObjectName} (which
 * would have to quote them, and the exporter keeps the quotes) and go, unescaped, into the
 * attribute name, where the labels come in the sample's fixed order, each as
 * {@code name="value"}: a rule's expression finds every value whole unless it contains a line
 * break or the text {@code ",} followed by the next label's name and {@code ="}. There is no
 * nested table and no string attribute. As many MBeans as the source has families, as many
 * attributes as it has series: both bounded by the store's caps.
 *
 * <p>Series appear as they are first counted, so the {@link MBeanInfo} is built anew from the
 * source on each request (and says so: {@code immutableInfo=false}); each read of attributes
 * takes one {@link MetricsSource#collect()} whatever the number read.
 *
 * <p>Thread-safe: it keeps no state but the source, which is.
 */
final class MetricFamilyMBean implements DynamicMBean {

    private final String family;
    private final MetricsSource source;

    MetricFamilyMBean(String family, MetricsSource source) {
        this.family = family;
        this.source = source;
    }

    /**
     * The attribute that shows {@code sample}:
     * {@code genscope_retries_total{generator="generate",model="codex-mini"}}, the values as
     * they are.
     */
    static String attributeName(Sample sample) {
        StringBuilder name = new StringBuilder(sample.name()).append('{');
        List<Label> labels = sample.labels();
        for (int i = 0; i < labels.size(); i++) {
            name.append(i == 0 ? "" : ",").append(labels.get(i).name())
                    .append("=\"").append(labels.get(i).value()).append('"');
        }
        return name.append('}').toString();
    }

    @Override
    public MBeanInfo getMBeanInfo() {
        MetricFamily metric = current();
        List<Sample> samples = metric == null ? List.of() : metric.samples();
        MBeanAttributeInfo[] attributes = new MBeanAttributeInfo[samples.size()];
        for (int i = 0; i < attributes.length; i++) {
            attributes[i] = attributeInfo(metric, samples.get(i));
        }
        return new MBeanInfo(getClass().getName(), description(metric), attributes, null, null, null,
                new ImmutableDescriptor("immutableInfo=false"));
    }

    @Override
    public Object getAttribute(String attribute) throws AttributeNotFoundException {
        Double value = values().get(attribute);
        if (value == null) {
            throw new AttributeNotFoundException("no series " + attribute + " in " + family + " (yet)");
        }
        return value;
    }

    @Override
    public AttributeList getAttributes(String[] attributes) {
        Map<String, Double> values = values();
        AttributeList list = new AttributeList();
        for (String attribute : attributes) {
            Double value = values.get(attribute);
            if (value != null) {
                list.add(new Attribute(attribute, value));
            }
        }
        return list;
    }

    @Override
    public void setAttribute(Attribute attribute) throws AttributeNotFoundException {
        throw new AttributeNotFoundException(attribute.getName() + " is read-only: " + family + " counts since the JVM started");
    }

    @Override
    public AttributeList setAttributes(AttributeList attributes) {
        return new AttributeList();
    }

    @Override
    public Object invoke(String actionName, Object[] params, String[] signature) throws ReflectionException {
        throw new ReflectionException(new NoSuchMethodException(actionName), family + " has no operations");
    }

    private Map<String, Double> values() {
        MetricFamily metric = current();
        Map<String, Double> values = new LinkedHashMap<>();
        if (metric != null) {
            for (Sample sample : metric.samples()) {
                values.put(attributeName(sample), sample.value());
            }
        }
        return values;
    }

    private MetricFamily current() {
        for (MetricFamily metric : source.collect()) {
            if (metric.name().equals(family)) {
                return metric;
            }
        }
        return null;
    }

    private String description(MetricFamily metric) {
        String what = metric == null ? "no longer reported" : kind(metric) + ", " + metric.help();
        return "Genscope fleet metric " + family + " (" + what + "), cumulative since the JVM started."
                + " One attribute per series, named as Prometheus shows it; read by jmx_prometheus_javaagent"
                + " with the rules in docs/prometheus/jmx-exporter.yaml.";
    }

    private static String kind(MetricFamily metric) {
        return metric.type().name().toLowerCase(Locale.ROOT);
    }

    private static MBeanAttributeInfo attributeInfo(MetricFamily metric, Sample sample) {
        return new MBeanAttributeInfo(attributeName(sample), "double", sampleDescription(metric, sample),
                true, false, false, sampleDescriptor(metric, sample));
    }

    private static String sampleDescription(MetricFamily metric, Sample sample) {
        if (metric.type() != MetricType.HISTOGRAM) {
            return metric.help() + " (" + kind(metric) + ")";
        }
        String suffix = sample.name().substring(metric.name().length());
        return switch (suffix) {
            case "_bucket" -> metric.help() + ": observations of at most le " + metric.unit() + " (cumulative bucket)";
            case "_sum" -> metric.help() + ": sum of all observations, in " + metric.unit();
            default -> metric.help() + ": number of observations";
        };
    }

    /** The JMX descriptor fields tools read: every series only grows; a histogram's sum is in its unit. */
    private static ImmutableDescriptor sampleDescriptor(MetricFamily metric, Sample sample) {
        boolean inUnit = metric.type() == MetricType.GAUGE || sample.name().endsWith("_sum");
        String kind = metric.type() == MetricType.GAUGE ? "gauge" : "counter";
        return inUnit && !metric.unit().isEmpty()
                ? new ImmutableDescriptor("metricType=" + kind, "units=" + metric.unit())
                : new ImmutableDescriptor("metricType=" + kind);
    }
}
