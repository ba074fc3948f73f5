package io.genscope.runtime.capture;

import java.util.List;
import java.util.stream.Collectors;

/**
 * A compiled capture expression such as {@code args[0].prompt.length}: a root and a chain of
 * member reads, each resolved against the class it meets at run time and cached there.
 *
 * <p>Resolution happens once per receiver class (see {@link MemberStep}); after that a read is a
 * cache check and a {@code MethodHandle} call. A {@code null} anywhere along the path yields
 * {@code null}, never an exception.
 *
 * <p>Thread-safe: steps publish their caches through volatile fields, and a race merely resolves
 * the same member twice.
 */
public final class PropertyPath {

    private final PathRoot root;
    private final String parameterName;
    private volatile int argumentIndex;
    private final MemberStep[] steps;
    private final String text;

    private PropertyPath(PathRoot root, int argumentIndex, String parameterName, List<Step> steps) {
        this.root = root;
        this.argumentIndex = argumentIndex;
        this.parameterName = parameterName;
        this.steps = steps.stream().map(MemberStep::new).toArray(MemberStep[]::new);
        String prefix = switch (root) {
            case THIS -> "this";
            case ARGUMENT -> parameterName != null ? parameterName : "args[" + argumentIndex + "]";
            case RETURN -> "return";
            case THROWN -> "thrown";
            case ELEMENT -> "it";
        };
        this.text = steps.isEmpty()
                ? prefix
                : prefix + "." + steps.stream().map(Step::toString).collect(Collectors.joining("."));
    }

    /** A path from {@code root}; {@code argumentIndex} matters only for {@link PathRoot#ARGUMENT}. */
    public static PropertyPath of(PathRoot root, int argumentIndex, List<Step> steps) {
        if (root == PathRoot.ARGUMENT && argumentIndex < 0) {
            throw new IllegalArgumentException("argument index must be >= 0: " + argumentIndex);
        }
        return new PropertyPath(root, root == PathRoot.ARGUMENT ? argumentIndex : -1, null, List.copyOf(steps));
    }

    /**
     * A path from the parameter called {@code name}. Its position is known only once the agent
     * sees a method it instruments, which then {@link #bindParameter binds} it; until then the
     * path reads {@code null}.
     */
    public static PropertyPath ofParameter(String name, List<Step> steps) {
        return new PropertyPath(PathRoot.ARGUMENT, -1, name, List.copyOf(steps));
    }

    /** The parameter name of a path made by {@link #ofParameter}, else {@code null}. */
    public String parameterName() {
        return parameterName;
    }

    /**
     * Fixes the position of a named parameter. A rule may match several methods, but the name
     * must sit at the same position in all of them.
     *
     * @return {@code false} if the path was already bound to another position
     */
    public synchronized boolean bindParameter(int index) {
        if (argumentIndex < 0) {
            argumentIndex = index;
            return true;
        }
        return argumentIndex == index;
    }

    public PathRoot root() {
        return root;
    }

    /** The argument position for {@link PathRoot#ARGUMENT}, else (or while unbound) -1. */
    public int argumentIndex() {
        return argumentIndex;
    }

    /**
     * Reads the path for one call.
     *
     * @throws CaptureException when a step names nothing readable on the value it meets
     * @throws Throwable        whatever a getter on the path throws
     */
    public Object read(Object self, Object[] args, Object returned, Throwable thrown) throws Throwable {
        return walk(start(self, args, returned, thrown));
    }

    /** The value the path starts from on one call. */
    private Object start(Object self, Object[] args, Object returned, Throwable thrown) {
        return switch (root) {
            case THIS -> self;
            case ARGUMENT -> read(args);
            case RETURN -> returned;
            case THROWN -> thrown;
            case ELEMENT -> throw new IllegalStateException(text + " reads an element; use readFrom");
        };
    }

    /** Reads the path from a given start value (the element, for {@link PathRoot#ELEMENT} paths). */
    public Object readFrom(Object start) throws Throwable {
        return walk(start);
    }

    /**
     * Reads the path as a length, like {@code CapturedValues.length(read(...))}, but when its last
     * step is {@code length} or {@code size} of a text, collection or array it asks the value
     * directly, so a length above the {@code Integer} cache is not boxed on every call. Like
     * {@link CapturedValues#length}, it calls that JDK-interface method on the object whatever
     * its class: the host's code when the class is the host's.
     *
     * @return the length, or -1 when a value on the path is {@code null}
     */
    public int readLength(Object self, Object[] args, Object returned, Throwable thrown) throws Throwable {
        int last = steps.length - 1;
        if (last < 0 || !steps[last].isLengthOrSize()) {
            return CapturedValues.length(read(self, args, returned, thrown));
        }
        Object owner = walk(start(self, args, returned, thrown), last);
        if (owner instanceof CharSequence text) {
            return text.length();
        }
        if (owner instanceof java.util.Collection<?> collection) {
            return collection.size();
        }
        if (owner != null && owner.getClass().isArray()) {
            return java.lang.reflect.Array.getLength(owner);
        }
        return owner == null ? -1 : CapturedValues.length(steps[last].read(owner));
    }

    private Object read(Object[] args) {
        int index = argumentIndex;
        return args != null && index >= 0 && index < args.length ? args[index] : null;
    }

    private Object walk(Object value) throws Throwable {
        return walk(value, steps.length);
    }

    private Object walk(Object value, int count) throws Throwable {
        for (int i = 0; i < count; i++) {
            if (value == null) {
                return null;
            }
            value = steps[i].read(value);
        }
        return value;
    }

    @Override
    public String toString() {
        return text;
    }
}
