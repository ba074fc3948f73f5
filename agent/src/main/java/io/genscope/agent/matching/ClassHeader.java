package io.genscope.agent.matching;

import java.util.ArrayList;
import java.util.List;

/**
 * The direct supertypes of a class, read from the header of its class file (JVMS 4.1: the
 * constant pool, then the access flags, this class, the superclass and the interfaces) without
 * looking at fields, methods or attributes. Parsing a whole class into a type description to
 * learn its supertypes made an {@code implements:} rule cost a javac-heavy generator +39 % CPU.
 *
 * @param superName  the superclass's internal name ({@code java/lang/Object}), {@code null} for
 *                   {@code Object} itself and for module descriptors
 * @param interfaces the internal names of the interfaces the class declares
 */
record ClassHeader(String superName, List<String> interfaces) {

    private static final int MAGIC = 0xCAFEBABE;

    /**
     * Reads the header of {@code classFile}.
     *
     * @throws IllegalArgumentException when the bytes are not a class file this reader understands
     */
    static ClassHeader read(byte[] classFile) {
        Reader in = new Reader(classFile);
        if (in.u4() != MAGIC) {
            throw new IllegalArgumentException("not a class file");
        }
        in.skip(4); // minor and major version
        int count = in.u2();
        int[] offsets = new int[count];
        for (int i = 1; i < count; i++) {
            int tag = in.u1();
            offsets[i] = in.position;
            switch (tag) {
                case 1 -> in.skip(in.u2()); // Utf8
                case 7, 8, 16, 19, 20 -> in.skip(2); // Class, String, MethodType, Module, Package
                case 15 -> in.skip(3); // MethodHandle
                case 3, 4, 9, 10, 11, 12, 17, 18 -> in.skip(4);
                case 5, 6 -> { // Long, Double take two slots
                    in.skip(8);
                    i++;
                }
                default -> throw new IllegalArgumentException("unknown constant pool tag " + tag);
            }
        }
        in.skip(4); // access flags, this class
        String superName = className(classFile, offsets, in.u2());
        int interfaceCount = in.u2();
        List<String> interfaces = new ArrayList<>(interfaceCount);
        for (int i = 0; i < interfaceCount; i++) {
            interfaces.add(className(classFile, offsets, in.u2()));
        }
        return new ClassHeader(superName, interfaces);
    }

    /** The name a Class constant refers to; index 0 means none. */
    private static String className(byte[] classFile, int[] offsets, int index) {
        if (index == 0) {
            return null;
        }
        Reader name = new Reader(classFile);
        name.position = offsets[index];
        name.position = offsets[name.u2()];
        return name.utf8();
    }

    /** Big-endian reads over the class file; running past its end throws. */
    private static final class Reader {

        private final byte[] bytes;
        private int position;

        Reader(byte[] bytes) {
            this.bytes = bytes;
        }

        int u1() {
            if (position >= bytes.length) {
                throw new IllegalArgumentException("truncated class file");
            }
            return bytes[position++] & 0xFF;
        }

        int u2() {
            return u1() << 8 | u1();
        }

        int u4() {
            return u2() << 16 | u2();
        }

        void skip(int length) {
            position += length;
        }

        /** A modified-UTF-8 constant; class names in practice are ASCII, so this decodes the rest too. */
        String utf8() {
            int length = u2();
            if (position + length > bytes.length) {
                throw new IllegalArgumentException("truncated class file");
            }
            char[] chars = new char[length];
            int count = 0;
            int end = position + length;
            while (position < end) {
                int b = u1();
                if (b < 0x80) {
                    chars[count++] = (char) b;
                } else if ((b & 0xE0) == 0xC0) {
                    chars[count++] = (char) ((b & 0x1F) << 6 | u1() & 0x3F);
                } else {
                    chars[count++] = (char) ((b & 0x0F) << 12 | (u1() & 0x3F) << 6 | u1() & 0x3F);
                }
            }
            return new String(chars, 0, count);
        }
    }
}
