package dev.slotbridge.http.edge;

import io.micronaut.context.BeanContext;
import io.micronaut.http.annotation.Filter;
import io.micronaut.http.annotation.ServerFilter;
import io.micronaut.inject.BeanDefinition;
import io.micronaut.inject.qualifiers.Qualifiers;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every server filter, Slotbridge's and the framework's, matches every path: while none has a pattern the framework
 * keeps one sorted list of them, where a single pattern makes it match and sort every filter on every request. A filter
 * for some paths looks at the path (or the answer) itself.
 */
@MicronautTest
final class ServerFilterPatternsTest {
    @Inject
    BeanContext context;

    @Test
    void everyServerFilterMatchesEveryPath() {
        List<BeanDefinition<?>> filters = new ArrayList<>(
                context.getBeanDefinitions(Qualifiers.byStereotype(ServerFilter.class)));
        filters.addAll(context.getBeanDefinitions(Qualifiers.byStereotype(Filter.class)));

        assertThat(filters).extracting(filter -> filter.getBeanType().getSimpleName())
                .contains("RequestLogFilter", "ApiCallerFilter", "HealthAnswerFilter", "InFlightRequestFilter")
                .doesNotContain("HealthResultFilter");
        assertThat(filters).allSatisfy(filter -> assertThat(filter.stringValues(ServerFilter.class).length > 0
                ? filter.stringValues(ServerFilter.class) : filter.stringValues(Filter.class))
                .as(filter.getBeanType().getName()).containsExactly(ServerFilter.MATCH_ALL_PATTERN));
    }
}
