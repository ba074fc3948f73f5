package io.genscope.runtime.capture;

import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Captured objects become metadata: names, lengths and flags, never content, read by known type only. */
class CapturedValuesTest {

    enum Shouting {
        LOUD {
            @Override
            public String toString() {
                return "quiet";
            }
        }
    }

    /** A host object that must never be asked for its text. */
    static final class Chatty {
        @Override
        public String toString() {
            throw new AssertionError("toString called");
        }
    }

    /** A host number, whose methods are the host's code. */
    static final class HostNumber extends Number {
        @Override
        public int intValue() {
            throw new AssertionError("intValue called");
        }

        @Override
        public long longValue() {
            return intValue();
        }

        @Override
        public float floatValue() {
            return intValue();
        }

        @Override
        public double doubleValue() {
            return intValue();
        }

        @Override
        public String toString() {
            throw new AssertionError("toString called");
        }
    }

    @Test
    void nameIsTheTextOfStringsNumbersAndEnumConstantNamesAndTheClassNameOfTypes() {
        assertThat(CapturedValues.name("gpt-4")).isEqualTo("gpt-4");
        assertThat(CapturedValues.name(42)).isEqualTo("42");
        assertThat(CapturedValues.name(new BigDecimal("1.50"))).isEqualTo("1.50");
        assertThat(CapturedValues.name(true)).isEqualTo("true");
        assertThat(CapturedValues.name('x')).isEqualTo("x");
        assertThat(CapturedValues.name(new StringBuilder("sb"))).isEqualTo("sb");
        assertThat(CapturedValues.name(Shouting.LOUD)).isEqualTo("LOUD");
        assertThat(CapturedValues.name(TimeUnit.class)).isEqualTo("java.util.concurrent.TimeUnit");
        assertThat(CapturedValues.name(null)).isNull();
    }

    @Test
    void nameIsCutToTheMaximumNameLength() {
        assertThat(CapturedValues.name("x".repeat(CapturedValues.MAX_NAME_LENGTH + 50)))
                .hasSize(CapturedValues.MAX_NAME_LENGTH);
        assertThat(CapturedValues.name(new StringBuilder("y".repeat(CapturedValues.MAX_NAME_LENGTH * 2))))
                .hasSize(CapturedValues.MAX_NAME_LENGTH);
    }

    @Test
    void anObjectOfAnyOtherTypeIsRefusedByItsClassNameWithoutBeingAskedForItsText() {
        assertThatThrownBy(() -> CapturedValues.name(new Chatty()))
                .isInstanceOf(CaptureException.class)
                .hasMessageStartingWith("a " + Chatty.class.getName() + " is not a name;");
        assertThatThrownBy(() -> CapturedValues.name(new HostNumber()))
                .isInstanceOf(CaptureException.class)
                .hasMessageContaining(HostNumber.class.getName());
    }

    @Test
    void aCollectionIsNotANameSoACyclicOneIsNeverWalked() {
        java.util.List<Object> cyclic = new java.util.ArrayList<>();
        cyclic.add(cyclic);

        assertThatThrownBy(() -> CapturedValues.name(cyclic))
                .isInstanceOf(CaptureException.class)
                .hasMessageContaining("java.util.ArrayList is not a name (a collection inside a collection");
    }

    @Test
    void lengthOfNumbersTextsCollectionsMapsAndArrays() {
        assertThat(CapturedValues.length(17L)).isEqualTo(17);
        assertThat(CapturedValues.length(new StringBuilder("abc"))).isEqualTo(3);
        assertThat(CapturedValues.length(Set.of(1, 2))).isEqualTo(2);
        assertThat(CapturedValues.length(Map.of("a", 1))).isEqualTo(1);
        assertThat(CapturedValues.length(new long[4])).isEqualTo(4);
        assertThat(CapturedValues.length(null)).isEqualTo(-1);
    }

    @Test
    void lengthOfAValueWithoutOneFailsNamingItsClass() {
        assertThatThrownBy(() -> CapturedValues.length(new Object()))
                .isInstanceOf(CaptureException.class)
                .hasMessageContaining("java.lang.Object");
        assertThatThrownBy(() -> CapturedValues.length(new HostNumber()))
                .isInstanceOf(CaptureException.class)
                .hasMessageContaining(HostNumber.class.getName());
    }

    @Test
    void flagIsABooleanOrAbsent() {
        assertThat(CapturedValues.flag(Boolean.FALSE)).isFalse();
        assertThat(CapturedValues.flag(null)).isNull();
        assertThatThrownBy(() -> CapturedValues.flag("true"))
                .isInstanceOf(CaptureException.class)
                .hasMessageContaining("java.lang.String");
    }
}
