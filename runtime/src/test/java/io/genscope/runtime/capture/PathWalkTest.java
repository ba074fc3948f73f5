package io.genscope.runtime.capture;

import org.junit.jupiter.api.Test;

import java.util.Map;

import static io.genscope.runtime.testing.CapturePaths.arg;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * A path's walk is compiled into one accessor of its own after its first whole read; compiled, it
 * must read exactly as the generic walk: nulls, other classes, map keys, a getter's exception.
 */
class PathWalkTest {

    record Prompt(String text) {
    }

    record Request(Prompt prompt) {
    }

    /** Another class with a {@code prompt}, met after the walk was compiled on {@link Request}. */
    static final class OtherRequest {
        public Prompt getPrompt() {
            return new Prompt("other");
        }
    }

    static final class Exploding {
        public Prompt getPrompt() {
            throw new IllegalStateException("no prompt today");
        }
    }

    private static Object read(PropertyPath path, Object argument) throws Throwable {
        return path.read(null, new Object[] {argument}, null, null);
    }

    @Test
    void theWalkIsCompiledIntoAnAccessorOfItsOwnAfterTheFirstWholeRead() throws Throwable {
        PropertyPath path = arg(0, "prompt", "text");
        Accessor generic = path.walker();

        assertThat(read(path, new Request(null))).isNull();
        assertThat(path.walker()).as("a read stopped by a null resolved only some steps").isSameAs(generic);

        assertThat(read(path, new Request(new Prompt("hello")))).isEqualTo("hello");
        Accessor compiled = path.walker();
        assertThat(compiled).isNotSameAs(generic);
        assertThat(compiled.getClass().isHidden()).as("compiled into a hidden class of its own").isTrue();
        assertThat(arg(0, "prompt", "text").walker().getClass()).isSameAs(generic.getClass());

        assertThat(read(path, new Request(new Prompt("again")))).isEqualTo("again");
        assertThat(path.walker()).as("compiled once").isSameAs(compiled);
    }

    @Test
    void aCompiledWalkReadsNullsOtherClassesAndMapsAsTheGenericWalk() throws Throwable {
        PropertyPath path = arg(0, "prompt", "text");
        read(path, new Request(new Prompt("compile")));

        assertThat(read(path, null)).isNull();
        assertThat(read(path, new Request(null))).isNull();
        assertThat(read(path, new Request(new Prompt(null)))).isNull();
        assertThat(read(path, new OtherRequest())).as("a class met after compiling").isEqualTo("other");
        assertThat(read(path, Map.of("prompt", new Prompt("from a map")))).isEqualTo("from a map");
        assertThat(read(path, new Request(new Prompt("still")))).isEqualTo("still");
    }

    @Test
    void aCompiledWalkLetsAGettersExceptionAndAnUnreadableStepThrough() throws Throwable {
        PropertyPath path = arg(0, "prompt", "text");
        read(path, new Request(new Prompt("compile")));

        assertThatThrownBy(() -> read(path, new Exploding()))
                .isInstanceOf(IllegalStateException.class).hasMessage("no prompt today");
        assertThatThrownBy(() -> read(path, "no prompt here")).isInstanceOf(CaptureException.class);
    }

    @Test
    void aLengthIsWalkedUpToItsLastStepThenAskedDirectly() throws Throwable {
        PropertyPath path = arg(0, "prompt", "text", "length");
        Object[] args = {new Request(new Prompt("four"))};

        assertThat(path.readLength(null, args, null, null)).isEqualTo(4);
        assertThat(path.lengthWalker()).isNotSameAs(path.walker());
        assertThat(path.lengthWalker().read(args[0])).as("compiled up to length").isEqualTo("four");
        assertThat(path.readLength(null, new Object[] {new Request(new Prompt("seven!!"))}, null, null)).isEqualTo(7);
        assertThat(path.readLength(null, new Object[] {new Request(null)}, null, null)).isEqualTo(-1);
    }
}
