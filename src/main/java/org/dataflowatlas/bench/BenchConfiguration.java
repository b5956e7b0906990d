package org.dataflowatlas.bench;

import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Installs the statement counter for the benchmark only. */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty(name = "dataflow.bench.count-statements", havingValue = "true")
class BenchConfiguration {

    @Bean
    static StatementCounter statementCounter() {
        return new StatementCounter();
    }
}
