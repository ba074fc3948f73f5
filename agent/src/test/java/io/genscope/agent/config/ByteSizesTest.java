package io.genscope.agent.config;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Sizes in the config: a whole number of KB, MB or GB, in binary units. */
class ByteSizesTest {

    @Test
    void sizesAreWholeNumbersOfBinaryUnits() {
        assertThat(ByteSizes.parse("64MB")).isEqualTo(64L << 20);
        assertThat(ByteSizes.parse("512kb")).isEqualTo(512L << 10);
        assertThat(ByteSizes.parse("2 GB")).isEqualTo(2L << 30);
        assertThat(ByteSizes.parse("1_024MB")).isEqualTo(1L << 30);
    }

    @Test
    void anythingElseIsNotASize() {
        assertThat(ByteSizes.parse("64")).isNull();
        assertThat(ByteSizes.parse("1.5MB")).isNull();
        assertThat(ByteSizes.parse("64TB")).isNull();
        assertThat(ByteSizes.parse("-1MB")).isNull();
    }

    @Test
    void sizesAreWrittenInTheLargestUnitThatDividesThem() {
        assertThat(ByteSizes.format(64L << 20)).isEqualTo("64MB");
        assertThat(ByteSizes.format(1L << 30)).isEqualTo("1GB");
        assertThat(ByteSizes.format(1536L << 10)).isEqualTo("1536KB");
    }

    @Test
    void maxMemoryIsReadFromTheStoreSection() {
        LoadedConfig config = ConfigLoader.parse("genscope.yaml", "store:\n  max-memory: 2GB\n");
        LoadedConfig tooSmall = ConfigLoader.parse("genscope.yaml", "store:\n  max-memory: 512KB\n");

        assertThat(config.settings().store().maxMemory()).isEqualTo(2L << 30);
        assertThat(tooSmall.settings().store().maxMemory()).as("the default").isEqualTo(64L << 20);
        assertThat(tooSmall.problems()).filteredOn(problem -> problem.field().equals("store.max-memory"))
                .singleElement().asString()
                .contains("genscope.yaml:2 store.max-memory").contains("512KB is out of range");
    }
}
