package io.genscope.agent.config;

import io.genscope.runtime.analytics.compare.ComparisonSettings;

import java.math.BigDecimal;

/**
 * Reads and checks the {@code ab-test} section into {@link ComparisonSettings}. The baseline is
 * checked for its form only: variants are known at run time, and one missing from the window is
 * said by the Variants MBean itself.
 */
final class AbTestSettingsReader {

    /** The row of the variants past the cap: a mix of arms, never a baseline. */
    private static final String OTHER = "(other)";
    private static final String BASELINE_FORM = "a variant name as the variant capture gives it, or \"\" for the first"
            + " variant by name";
    private static final ValueReader<String> BASELINE = new ValueReader<>() {
        @Override
        public String read(YamlNode node) throws InvalidValueException {
            String name = node instanceof YamlNode.Scalar scalar && scalar.text().isBlank() ? ""
                    : Values.text(BASELINE_FORM, 200).read(node).strip();
            if (name.equals(OTHER)) {
                throw new InvalidValueException(OTHER + " counts the variants past the cap together and cannot be the"
                        + " baseline; use " + BASELINE_FORM);
            }
            return name;
        }
    };
    private static final String DIFFERENCE_FORM = "a fraction more than 0 and at most 0.5, such as 0.02 for 2"
            + " percentage points";
    private static final ValueReader<Double> MIN_DIFFERENCE = new ValueReader<>() {
        @Override
        public Double read(YamlNode node) throws InvalidValueException {
            double fraction;
            try {
                fraction = Values.fraction().read(node);
            } catch (InvalidValueException e) {
                throw new InvalidValueException(node.display() + " is not " + DIFFERENCE_FORM);
            }
            if (BigDecimal.valueOf(fraction).compareTo(new BigDecimal("0.5")) > 0) {
                String given = ((YamlNode.Scalar) node).text();
                throw new InvalidValueException(given + " is out of range; use " + DIFFERENCE_FORM);
            }
            return fraction;
        }
    };

    private AbTestSettingsReader() {
    }

    static ComparisonSettings read(SettingsSection abTest) {
        abTest.checkKeys();
        return new ComparisonSettings(
                abTest.value("baseline", BASELINE),
                abTest.value("min-generations", Values.wholeNumber(1, 1_000_000)),
                abTest.value("min-difference", MIN_DIFFERENCE));
    }
}
