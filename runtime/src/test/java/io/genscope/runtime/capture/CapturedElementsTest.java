package io.genscope.runtime.capture;

import io.genscope.runtime.testing.ChangingCollection;
import org.junit.jupiter.api.Test;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.Arrays;
import java.util.ConcurrentModificationException;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedDeque;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ConcurrentSkipListSet;
import java.util.concurrent.LinkedTransferQueue;
import java.util.stream.IntStream;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The elements of a captured collection are read with a bound, never more, and never by asking the host for text. */
class CapturedElementsTest {

    private final CapturedElements elements = new CapturedElements(3);

    private List<Object> read(Object value) throws Throwable {
        elements.read(value);
        List<Object> read = new ArrayList<>();
        for (int i = 0; i < elements.size(); i++) {
            read.add(elements.get(i));
        }
        return read;
    }

    @Test
    void listsCollectionsArraysAndIterablesAreReadWholeWithinTheBound() throws Throwable {
        assertThat(read(List.of("a", "b"))).containsExactly("a", "b");
        assertThat(read(new LinkedList<>(List.of("a", "b")))).containsExactly("a", "b");
        assertThat(read(new int[] {1, 2})).containsExactly(1, 2);
        assertThat(read((Iterable<String>) () -> List.of("i").iterator())).containsExactly("i");
        assertThat(elements.cut()).isFalse();
        assertThat(elements.total()).isEqualTo(1);
    }

    @Test
    void aSingleValueIsOneElementAndNullIsNone() throws Throwable {
        assertThat(read("single")).containsExactly("single");
        assertThat(read(null)).isEmpty();
        assertThat(elements.total()).isZero();
    }

    @Test
    void aMapGivesItsKeysOnly() throws Throwable {
        Map<String, String> spec = new LinkedHashMap<>();
        spec.put("com.acme:core", "spec text");
        spec.put("com.acme:web", "more spec text");

        assertThat(read(spec)).containsExactly("com.acme:core", "com.acme:web");
    }

    @Test
    void readingStopsAtTheBoundAndKeepsTheHostsTotal() throws Throwable {
        List<Integer> large = IntStream.range(0, 100_000).boxed().toList();

        assertThat(read(large)).containsExactly(0, 1, 2);
        assertThat(elements.cut()).isTrue();
        assertThat(elements.total()).isEqualTo(100_000);
        assertThat(read(new LinkedList<>(large))).containsExactly(0, 1, 2);
        assertThat(read(new Object[] {1, 2, 3, 4})).containsExactly(1, 2, 3);
        assertThat(elements.total()).isEqualTo(4);
    }

    @Test
    void anEndlessIterableIsReadUpToTheBoundAndItsTotalIsUnknown() throws Throwable {
        Iterable<Integer> endless = () -> Stream.iterate(0, i -> i + 1).iterator();

        assertThat(read(endless)).containsExactly(0, 1, 2);
        assertThat(elements.total()).isEqualTo(CapturedElements.UNKNOWN);
        assertThat(elements.cut()).isTrue();
    }

    @Test
    void aCollectionThatCountsByWalkingIsNeverAskedItsSize() throws Throwable {
        List<Integer> large = IntStream.range(0, 100_000).boxed().toList();
        for (Collection<Integer> walking : List.<Collection<Integer>>of(new ConcurrentLinkedQueue<>(large),
                new ConcurrentLinkedDeque<>(large), new LinkedTransferQueue<>(large), new ConcurrentSkipListSet<>(large),
                new TreeSet<>(large) {
                    @Override
                    public int size() {
                        throw new AssertionError("a host subclass's size() was called");
                    }
                })) {
            assertThat(read(walking)).containsExactly(0, 1, 2);
            assertThat(elements.cut()).isTrue();
            assertThat(elements.total()).as(walking.getClass().getName()).isEqualTo(CapturedElements.UNKNOWN);
        }
    }

    @Test
    void aCollectionReadToItsEndOrWhoseSizeIsAFieldKeepsItsTotal() throws Throwable {
        read(new ConcurrentLinkedQueue<>(List.of(1, 2)));
        assertThat(elements.total()).isEqualTo(2);
        assertThat(elements.cut()).isFalse();
        List<Integer> large = IntStream.range(0, 1_000).boxed().toList();
        for (Object known : List.of(new ArrayDeque<>(large), new HashSet<>(large), new TreeSet<>(large),
                new LinkedList<>(large), Set.copyOf(large), new ConcurrentHashMap<>(Map.of(1, 1, 2, 2, 3, 3, 4, 4)))) {
            read(known);
            assertThat(elements.total()).as(known.getClass().getName()).isEqualTo(((Object) known instanceof Map<?, ?> map)
                    ? map.size() : ((Collection<?>) known).size());
        }
    }

    @Test
    void aCollectionFailingPartWayKeepsWhatWasReadAndSaysTheTotalIsUnknown() {
        Iterable<String> failing = new ChangingCollection<>("first");

        assertThatThrownBy(() -> elements.read(failing)).isInstanceOf(ConcurrentModificationException.class);
        assertThat(elements.size()).isEqualTo(1);
        assertThat(elements.get(0)).isEqualTo("first");
        assertThat(elements.total()).isEqualTo(CapturedElements.UNKNOWN);
    }

    @Test
    void aRandomAccessListIsReadByIndexWithoutAnIteratorThatCouldFail() throws Throwable {
        List<String> noIterator = new ArrayList<>(List.of("a", "b")) {
            @Override
            public Iterator<String> iterator() {
                throw new ConcurrentModificationException();
            }
        };

        assertThat(read(noIterator)).containsExactly("a", "b");
    }

    @Test
    void clearDropsTheHostsElements() throws Throwable {
        read(Arrays.asList("a", "b"));

        elements.clear();

        assertThat(elements.size()).isZero();
        assertThat(elements.total()).isZero();
    }
}
