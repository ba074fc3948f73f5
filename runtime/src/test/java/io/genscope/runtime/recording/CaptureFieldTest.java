package io.genscope.runtime.recording;

import org.junit.jupiter.api.Test;

import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.Arrays;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Each capture field walks its path at a call site of its own: the JIT inlines a path's walk only
 * where it sees one accessor class, which a site shared by all fields never is.
 */
class CaptureFieldTest {

    @Test
    void everyFieldHasASiteMethodOfItsOwn() throws IllegalAccessException {
        List<CaptureField> fields = fields();
        long siteMethods = Arrays.stream(CaptureField.class.getDeclaredMethods())
                .filter(Method::isSynthetic)
                .filter(method -> method.getName().startsWith("lambda$"))
                .count();

        assertThat(fields).hasSizeGreaterThan(10);
        assertThat(siteMethods).as("one site body per field, none merged").isEqualTo(fields.size());
        assertThat(fields.stream().map(field -> field.site().getClass()).distinct()).hasSameSizeAs(fields);
        assertThat(fields.stream().map(CaptureField::key).distinct()).hasSameSizeAs(fields);
    }

    @Test
    void aSiteWalksThePathItIsGiven() throws Throwable {
        assertThat(CaptureField.MODEL.site().walk(text -> ((String) text).length(), "four")).isEqualTo(4);
    }

    private static List<CaptureField> fields() throws IllegalAccessException {
        List<CaptureField> fields = new java.util.ArrayList<>();
        for (Field field : CaptureField.class.getDeclaredFields()) {
            if (Modifier.isStatic(field.getModifiers()) && field.getType() == CaptureField.class) {
                fields.add((CaptureField) field.get(null));
            }
        }
        return fields;
    }
}
