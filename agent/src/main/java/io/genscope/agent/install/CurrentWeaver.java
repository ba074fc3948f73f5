package io.genscope.agent.install;

import java.lang.instrument.ClassFileTransformer;
import java.security.ProtectionDomain;

/**
 * The one class file transformer the agent registers, retransformation-capable, handing each
 * class to the {@link AdviceWeaver} of the config in use. A reload swaps the weaver in one
 * volatile write: a class that loads meanwhile is woven by the old weaver or the new one, never
 * both nor neither, as removing one transformer and adding another would risk.
 *
 * <p>Retransformation-capable from the start, so that the JVM keeps each woven class's bytes as
 * it was defined and hands those to a retransformation: a reload then weaves from the original
 * bytecode, and a class whose rules are all removed gets its own back. (The output of a transformer
 * that is not retransformation-capable would be replayed under every retransformation.)
 *
 * <p>Thread-safe: the weaver is read once per class.
 */
final class CurrentWeaver implements ClassFileTransformer {

    private volatile AdviceWeaver weaver;

    CurrentWeaver(AdviceWeaver weaver) {
        this.weaver = weaver;
    }

    AdviceWeaver weaver() {
        return weaver;
    }

    /** From now on, classes are woven by {@code next}. */
    void swap(AdviceWeaver next) {
        weaver = next;
    }

    @Override
    public byte[] transform(Module module, ClassLoader loader, String internalName, Class<?> redefined,
                            ProtectionDomain domain, byte[] classFile) {
        return weaver.transform(loader, internalName, redefined, domain, classFile);
    }

    @Override
    public byte[] transform(ClassLoader loader, String internalName, Class<?> redefined, ProtectionDomain domain,
                            byte[] classFile) {
        return weaver.transform(loader, internalName, redefined, domain, classFile);
    }
}
