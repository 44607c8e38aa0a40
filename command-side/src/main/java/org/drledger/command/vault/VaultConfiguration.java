package org.drledger.command.vault;

import org.axonframework.config.ConfigurerModule;
import org.axonframework.eventhandling.PropagatingErrorHandler;
import org.drledger.command.department.DepartmentDirectory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Handlers in the subscribing {@code command-directory} group run in the appending transaction. Axon's default
 * there is to log a handler's exception and carry on, which would store a shred entry while the ciphertext stays;
 * the propagating error handler makes the whole command fail and roll back instead.
 */
@Configuration(proxyBeanMethods = false)
class VaultConfiguration {

    @Bean
    ConfigurerModule commandDirectoryErrorsPropagate() {
        return configurer -> configurer.eventProcessing()
                .registerListenerInvocationErrorHandler(DepartmentDirectory.GROUP, c -> PropagatingErrorHandler.instance());
    }
}
