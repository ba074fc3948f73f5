package io.genscope.agent.matching;

import fixture.weaving.PluginTwin;
import net.bytebuddy.ByteBuddy;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The supertype index behind {@code implements:} rules: it reads class file headers and remembers
 * each answer per class loader and name, so the same name in two loaders is two classes.
 */
class SupertypeIndexTest {

    private static final String TWIN = "fixture/weaving/PluginTwin";
    private static final String CHILD = "fixture/weaving/PluginChild";
    private static final byte[] CHILD_FILE = new ByteBuddy().subclass(PluginTwin.class)
            .name("fixture.weaving.PluginChild").make().getBytes();

    @Test
    void theSameNameInTwoLoadersIsTwoClassesEachResolvedThroughItsOwnLoader() throws Exception {
        byte[] implementing = classFile(PluginTwin.class.getName());
        byte[] plain = new ByteBuddy().subclass(Object.class).name(PluginTwin.class.getName()).make().getBytes();
        ClassLoader withPlugin = new ResourceLoader(Map.of(TWIN + ".class", implementing));
        ClassLoader withoutPlugin = new ResourceLoader(Map.of(TWIN + ".class", plain));
        SupertypeIndex index = SupertypeIndex.of(Set.of("fixture.weaving.Plugin"));

        assertThat(index.isSubtype(withPlugin, CHILD, CHILD_FILE)).isTrue();
        assertThat(index.isSubtype(withoutPlugin, CHILD, CHILD_FILE)).isFalse();
        assertThat(index.isSubtype(withoutPlugin, TWIN, plain)).isFalse();
        assertThat(index.isSubtype(withPlugin, TWIN, implementing)).isTrue();
    }

    @Test
    void aJdkSupertypeIsFollowedWhenTheTargetIsOfTheJdk() {
        byte[] thread = new ByteBuddy().subclass(Thread.class).name("fixture.weaving.Worker").make().getBytes();

        assertThat(SupertypeIndex.of(Set.of("java.lang.Runnable"))
                .isSubtype(getClass().getClassLoader(), "fixture/weaving/Worker", thread)).isTrue();
        assertThat(SupertypeIndex.of(Set.of("fixture.weaving.Plugin"))
                .isSubtype(getClass().getClassLoader(), "fixture/weaving/Worker", thread)).isFalse();
    }

    @Test
    void aSupertypeThatCannotBeReadIsNotASubtypeAndBrokenBytesAreNoError() {
        SupertypeIndex index = SupertypeIndex.of(Set.of("fixture.weaving.Plugin"));
        ClassLoader empty = new ResourceLoader(Map.of());

        assertThat(index.isSubtype(empty, CHILD, CHILD_FILE)).isFalse();
        assertThat(index.isSubtype(empty, "fixture/weaving/Broken", new byte[] {(byte) 0xCA, (byte) 0xFE})).isFalse();
    }

    private static byte[] classFile(String binaryName) throws Exception {
        try (InputStream in = SupertypeIndexTest.class.getClassLoader()
                .getResourceAsStream(binaryName.replace('.', '/') + ".class")) {
            return in.readAllBytes();
        }
    }

    /** A loader whose only resources are the given class files (and which delegates classes to nobody). */
    private static final class ResourceLoader extends ClassLoader {

        private final Map<String, byte[]> resources;

        ResourceLoader(Map<String, byte[]> resources) {
            super(null);
            this.resources = resources;
        }

        @Override
        public InputStream getResourceAsStream(String name) {
            byte[] bytes = resources.get(name);
            return bytes == null ? super.getResourceAsStream(name) : new ByteArrayInputStream(bytes);
        }
    }
}
