package io.genscope.runtime.capture;

import org.junit.jupiter.api.Test;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static io.genscope.runtime.testing.CapturePaths.arg;
import static io.genscope.runtime.testing.CapturePaths.element;
import static io.genscope.runtime.testing.CapturePaths.returned;
import static io.genscope.runtime.testing.CapturePaths.self;
import static io.genscope.runtime.testing.CapturePaths.steps;
import static io.genscope.runtime.testing.CapturePaths.thrown;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** How each step of a capture path is resolved on the value it meets. */
class PropertyPathTest {

    record Options(int temperature, Map<String, Object> extras) {
    }

    record Request(String prompt, Options options, String[] files) {
    }

    static class Bean {
        public String getModel() {
            return "gpt";
        }

        public boolean isCached() {
            return true;
        }

        public String describe() {
            return "described";
        }

        public String getDescribe() {
            return "getter, not the method";
        }
    }

    private abstract static class Base {
        private final String secret = "from the superclass";
    }

    private static final class Derived extends Base {
    }

    interface Labelled {
        default String label() {
            return "from the interface";
        }
    }

    static final class Labelled1 implements Labelled {
    }

    static final class Named {
        private final String name;

        Named(String name) {
            this.name = name;
        }
    }

    static final class NamedByGetter {
        public String getName() {
            return "getter";
        }
    }

    static final class Exploding {
        public String getModel() {
            throw new IllegalStateException("no model today");
        }
    }

    private static Object read(PropertyPath path, Object value) throws Throwable {
        return path.read(null, new Object[] {value}, null, null);
    }

    @Test
    void readsRecordComponents() throws Throwable {
        Request request = new Request("hello", new Options(7, Map.of()), new String[0]);

        assertThat(read(arg(0, "options", "temperature"), request)).isEqualTo(7);
    }

    @Test
    void readsGetterAndIsGetterByPropertyName() throws Throwable {
        assertThat(read(arg(0, "model"), new Bean())).isEqualTo("gpt");
        assertThat(read(arg(0, "cached"), new Bean())).isEqualTo(true);
    }

    @Test
    void prefersTheNoArgMethodOfTheSameNameToTheGetter() throws Throwable {
        assertThat(read(arg(0, "describe"), new Bean())).isEqualTo("described");
    }

    @Test
    void invocationStepMatchesOnlyAMethodOfThatExactName() throws Throwable {
        assertThat(read(arg(0, "describe()"), new Bean())).isEqualTo("described");
        assertThatThrownBy(() -> read(arg(0, "model()"), new Bean())).isInstanceOf(CaptureException.class);
    }

    @Test
    void readsPrivateFieldDeclaredInASuperclass() throws Throwable {
        assertThat(read(arg(0, "secret"), new Derived())).isEqualTo("from the superclass");
    }

    @Test
    void readsDefaultMethodDeclaredOnlyInAnInterface() throws Throwable {
        assertThat(read(arg(0, "label"), new Labelled1())).isEqualTo("from the interface");
    }

    @Test
    void readsMapEntriesByKey() throws Throwable {
        Map<String, Object> extras = new HashMap<>();
        extras.put("size", "large");
        Request request = new Request("p", new Options(1, extras), null);

        assertThat(read(arg(0, "options", "extras", "size"), request)).isEqualTo("large");
        assertThat(read(arg(0, "options", "extras", "missing"), request)).isNull();
    }

    @Test
    void readsArrayLength() throws Throwable {
        assertThat(read(arg(0, "files", "length"), new Request("p", null, new String[] {"a", "b"}))).isEqualTo(2);
        assertThat(read(arg(0, "length"), new int[5])).isEqualTo(5);
    }

    @Test
    void readsSizeOfAnImmutableJdkListThroughThePublicCollectionMethod() throws Throwable {
        assertThat(read(arg(0, "size"), List.of("a", "b", "c"))).isEqualTo(3);
        assertThat(read(arg(0, "size()"), List.of("a"))).isEqualTo(1);
    }

    @Test
    void readsStringLength() throws Throwable {
        assertThat(read(arg(0, "prompt", "length"), new Request("four", null, null))).isEqualTo(4);
    }

    @Test
    void nullAnywhereAlongThePathReadsNull() throws Throwable {
        assertThat(read(arg(0, "options", "temperature"), new Request("p", null, null))).isNull();
        assertThat(read(arg(0, "prompt"), null)).isNull();
        assertThat(arg(3, "prompt").read(null, new Object[] {"only one"}, null, null)).isNull();
        assertThat(arg(0).read(null, null, null, null)).isNull();
    }

    @Test
    void unknownMemberFailsWithAMessageNamingTheMemberAndTheClass() {
        assertThatThrownBy(() -> read(arg(0, "options", "temprature"), new Request("p", new Options(1, null), null)))
                .isInstanceOf(CaptureException.class)
                .hasMessageContaining("temprature")
                .hasMessageContaining(Options.class.getName());
    }

    @Test
    void memberOtherThanLengthOnAnArrayIsUnknown() {
        assertThatThrownBy(() -> read(arg(0, "size"), new String[1]))
                .isInstanceOf(CaptureException.class)
                .hasMessageContaining("size");
    }

    @Test
    void getterFailurePropagatesUnchangedToTheCaller() {
        assertThatThrownBy(() -> read(arg(0, "model"), new Exploding()))
                .isInstanceOf(IllegalStateException.class)
                .hasMessage("no model today");
    }

    @Test
    void alternatingReceiverClassesAreEachReadWithTheirOwnMember() throws Throwable {
        PropertyPath path = arg(0, "name");
        for (int i = 0; i < 10; i++) {
            assertThat(read(path, new Named("field " + i))).isEqualTo("field " + i);
            assertThat(read(path, new NamedByGetter())).isEqualTo("getter");
        }
    }

    @Test
    void eachRootStartsFromItsOwnValue() throws Throwable {
        Request request = new Request("abc", null, null);
        IllegalStateException failure = new IllegalStateException("boom");

        assertThat(self("prompt").read(request, null, null, null)).isEqualTo("abc");
        assertThat(returned("prompt").read(null, null, request, null)).isEqualTo("abc");
        assertThat(thrown("message").read(null, null, null, failure)).isEqualTo("boom");
        assertThat(element("prompt").walker().read(request)).isEqualTo("abc");
        assertThatThrownBy(() -> element("prompt").read(request, null, null, null))
                .isInstanceOf(IllegalStateException.class);
    }

    @Test
    void availableOnlyAtExitForReturnAndThrownRoots() {
        assertThat(returned().root().availableOnlyAtExit()).isTrue();
        assertThat(thrown().root().availableOnlyAtExit()).isTrue();
        assertThat(arg(0).root().availableOnlyAtExit()).isFalse();
        assertThat(self().root().availableOnlyAtExit()).isFalse();
    }

    @Test
    void namedParameterReadsNullUntilBoundThenItsPosition() throws Throwable {
        PropertyPath path = PropertyPath.ofParameter("request", steps("prompt"));
        Object[] args = {"other", new Request("bound", null, null)};

        assertThat(path.parameterName()).isEqualTo("request");
        assertThat(path.argumentIndex()).isEqualTo(-1);
        assertThat(path.read(null, args, null, null)).isNull();

        assertThat(path.bindParameter(1)).isTrue();
        assertThat(path.read(null, args, null, null)).isEqualTo("bound");
    }

    @Test
    void namedParameterAcceptsTheSamePositionAgainButNotAnother() throws Throwable {
        PropertyPath path = PropertyPath.ofParameter("request", steps());
        path.bindParameter(1);

        assertThat(path.bindParameter(1)).isTrue();
        assertThat(path.bindParameter(0)).isFalse();
        assertThat(path.argumentIndex()).isEqualTo(1);
        assertThat(path.read(null, new Object[] {"zero", "one"}, null, null)).isEqualTo("one");
    }

    @Test
    void negativeArgumentIndexIsRejected() {
        assertThatThrownBy(() -> arg(-1)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void printsAsTheExpressionItWasCompiledFrom() {
        assertThat(arg(0, "prompt", "length")).hasToString("args[0].prompt.length");
        assertThat(PropertyPath.ofParameter("request", steps("size()"))).hasToString("request.size()");
        assertThat(returned()).hasToString("return");
        assertThat(element("code")).hasToString("it.code");
    }

    @Test
    void readLengthAsksTextsCollectionsAndArraysDirectlyAndFallsBackForOtherValues() throws Throwable {
        String longPrompt = "x".repeat(1000);
        assertThat(arg(0, "length").readLength(null, new Object[] {longPrompt}, null, null)).isEqualTo(1000);
        assertThat(arg(0, "size").readLength(null, new Object[] {List.of(1, 2, 3)}, null, null)).isEqualTo(3);
        assertThat(arg(0, "length").readLength(null, new Object[] {new int[7]}, null, null)).isEqualTo(7);
        assertThat(returned("length").readLength(null, null, null, null)).isEqualTo(-1);
        assertThat(arg(0).readLength(null, new Object[] {"four"}, null, null)).isEqualTo(4);
        assertThat(arg(0, "length").readLength(null, new Object[] {new Sized(12)}, null, null)).isEqualTo(12);
    }

    /** Not a text, collection or array, but with its own {@code length()}. */
    record Sized(int length) {
    }
}
