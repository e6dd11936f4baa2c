package com.nexustime;

import org.junit.jupiter.api.Test;
import org.springframework.modulith.core.ApplicationModules;

/**
 * Each top-level package under com.nexustime is a module; a module may use another's top-level types only,
 * and no two modules may depend on each other in a cycle. docs/architecture.md draws the resulting map.
 */
class ModuleStructureTest {

    @Test
    void modulesHaveNoCyclesAndUseOnlyEachOthersPublicTypes() {
        ApplicationModules.of(NexusTimeApplication.class).verify();
    }
}
