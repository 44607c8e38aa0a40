package org.drledger.server.config;

import org.springframework.boot.info.BuildProperties;

/** The product version: from the build (META-INF/build-info.properties), else the jar manifest. */
final class ProductVersion {
    static final String PRODUCT = "Double-Random Ledger";

    private ProductVersion() {
    }

    static String of(BuildProperties build) {
        if (build != null && build.getVersion() != null) {
            return build.getVersion();
        }
        String manifest = ProductVersion.class.getPackage().getImplementationVersion();
        return manifest != null ? manifest : "unknown";
    }
}
