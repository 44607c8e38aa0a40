package org.drledger.command.registry;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Import jobs run one at a time on one thread: a single writer keeps the append path and the sealer simple. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(ImportProperties.class)
class RegistryConfiguration {
    static final String IMPORT_EXECUTOR = "registryImportExecutor";

    @Bean(name = IMPORT_EXECUTOR, destroyMethod = "shutdownNow")
    @Qualifier(IMPORT_EXECUTOR)
    ExecutorService registryImportExecutor() {
        return new ThreadPoolExecutor(1, 1, 0, TimeUnit.MILLISECONDS, new LinkedBlockingQueue<>(), r -> {
            Thread t = new Thread(r, "registry-import");
            t.setDaemon(true);
            return t;
        });
    }
}
