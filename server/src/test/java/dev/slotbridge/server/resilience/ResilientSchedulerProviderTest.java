package dev.slotbridge.server.resilience;

import dev.slotbridge.spi.SchedulerProvider;
import org.junit.jupiter.api.Test;

import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.Arrays;

import static org.assertj.core.api.Assertions.assertThat;

final class ResilientSchedulerProviderTest {

    @Test
    void everyOperationOfTheSpiIsPassedOnNotLeftToItsDefault() {
        assertThat(Arrays.stream(SchedulerProvider.class.getMethods()).filter(method -> !Modifier.isStatic(method.getModifiers())))
                .allSatisfy(method -> assertThat(declaredBy(method)).as(method.getName()).isEqualTo(ResilientSchedulerProvider.class));
    }

    private static Class<?> declaredBy(Method method) {
        try {
            return ResilientSchedulerProvider.class.getMethod(method.getName(), method.getParameterTypes()).getDeclaringClass();
        } catch (NoSuchMethodException e) {
            throw new AssertionError(e);
        }
    }
}
