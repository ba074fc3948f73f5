package io.genscope.runtime.capture;

import java.util.List;
import java.util.stream.Collectors;

/**
 * A compiled capture expression such as {@code args[0].prompt.length}: a root and a chain of
 * member reads, each resolved against the class it meets at run time and cached there.
 *
 * <p>Resolution happens once per receiver class (see {@link MemberStep}); after the first whole
 * read, the walk is one compiled accessor of the path's own ({@link PathWalk}). A {@code null} anywhere along the path yields
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
    /** Whether the last step is {@code length} or {@code size}, asked of the value directly. */
    private final boolean lengthLast;
    private final PathWalk walk;
    /** The walk up to a last {@code length} or {@code size} step; {@link #walk} when there is none. */
    private final PathWalk ownerWalk;
    private final String text;

    private PropertyPath(PathRoot root, int argumentIndex, String parameterName, List<Step> steps) {
        this.root = root;
        this.argumentIndex = argumentIndex;
        this.parameterName = parameterName;
        this.steps = steps.stream().map(MemberStep::new).toArray(MemberStep[]::new);
        this.lengthLast = this.steps.length > 0 && this.steps[this.steps.length - 1].isLengthOrSize();
        this.walk = new PathWalk(this.steps, this.steps.length);
        this.ownerWalk = lengthLast ? new PathWalk(this.steps, this.steps.length - 1) : walk;
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
     * Reads the path for one call: {@code walker().read(start(...))}. An {@link PathRoot#ELEMENT}
     * path has no start on a call: it is walked from each element, {@code walker().read(element)}.
     *
     * @throws CaptureException when a step names nothing readable on the value it meets
     * @throws Throwable        whatever a getter on the path throws
     */
    public Object read(Object self, Object[] args, Object returned, Throwable thrown) throws Throwable {
        return walk.accessor().read(start(self, args, returned, thrown));
    }

    /** The value the path starts from on one call. */
    public Object start(Object self, Object[] args, Object returned, Throwable thrown) {
        return switch (root) {
            case THIS -> self;
            case ARGUMENT -> read(args);
            case RETURN -> returned;
            case THROWN -> thrown;
            case ELEMENT -> throw new IllegalStateException(text + " reads an element; walk it from the element with walker()");
        };
    }

    /**
     * The accessor walking the path's steps from its {@link #start start} value. A caller that
     * reads a path at a call site of its own calls it there, so the JIT, seeing one accessor class
     * at that site, inlines the whole walk (see {@link PathWalk}).
     */
    public Accessor walker() {
        return walk.accessor();
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
        return lengthOf(lengthWalker().read(start(self, args, returned, thrown)));
    }

    /**
     * The accessor walking the path for {@link #lengthOf}: up to a last {@code length} or
     * {@code size} step, else the whole path.
     */
    public Accessor lengthWalker() {
        return ownerWalk.accessor();
    }

    /**
     * The length from what {@link #lengthWalker()} read: see {@link #readLength}.
     *
     * @return the length, or -1 when a value on the path is {@code null}
     */
    public int lengthOf(Object walked) throws Throwable {
        if (!lengthLast) {
            return CapturedValues.length(walked);
        }
        if (walked instanceof CharSequence text) {
            return text.length();
        }
        if (walked instanceof java.util.Collection<?> collection) {
            return collection.size();
        }
        if (walked != null && walked.getClass().isArray()) {
            return java.lang.reflect.Array.getLength(walked);
        }
        return walked == null ? -1 : CapturedValues.length(steps[steps.length - 1].read(walked));
    }

    private Object read(Object[] args) {
        int index = argumentIndex;
        return args != null && index >= 0 && index < args.length ? args[index] : null;
    }

    @Override
    public String toString() {
        return text;
    }
}
