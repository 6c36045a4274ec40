package org.stackratings.compliance.conformance.checks.network;

import static org.stackratings.compliance.conformance.checks.network.NeutronResources.Collection.SUBNET_POOLS;
import static org.stackratings.compliance.conformance.checks.network.NeutronResources.find;
import static org.stackratings.compliance.conformance.checks.network.NeutronResources.get;
import static org.stackratings.compliance.conformance.checks.network.NeutronResources.id;
import static org.stackratings.compliance.conformance.checks.network.NeutronResources.object;
import static org.stackratings.compliance.conformance.checks.network.NeutronResources.strings;
import static org.stackratings.compliance.conformance.checks.network.NeutronResources.update;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Map;
import org.stackratings.compliance.conformance.CapabilityCheck;
import org.stackratings.compliance.conformance.CheckContext;
import org.stackratings.compliance.conformance.CheckGroup;

/** Neutron's subnet pools (docs/compliance.md): created on {@code 10.253.0.0/24}, listed, shown, updated, deleted. */
@ApplicationScoped
class SubnetPoolChecks implements CheckGroup {

    @Override
    public Map<String, CapabilityCheck> checks() {
        return Map.of(
                "networks-subnet-pools-CRUD", this::subnetPools);
    }

    /** Tempest's subnet pool CRUD: create with a prefix and a minimum prefix length, list, show, update, delete. */
    private void subnetPools(CheckContext c) {
        NeutronResources neutron = new NeutronResources(c);
        ObjectNode attributes = object().put("min_prefixlen", 28);
        attributes.putArray("prefixes").add("10.253.0.0/24");
        JsonNode created = neutron.create(SUBNET_POOLS, "pool", attributes);
        String pool = id(created);
        c.require(strings(created.path("prefixes")).contains("10.253.0.0/24"),
                "the subnet pool does not have the prefix it was created with");
        JsonNode pools = c.expectJson(get(SUBNET_POOLS.path), "the subnet pools are listed", 200).path("subnetpools");
        c.require(find(pools, pool) != null, "the subnet pool list lacks the pool");
        JsonNode shown = c.expectJson(get(SUBNET_POOLS.of(pool)), "the subnet pool is shown", 200).path("subnetpool");
        c.require(shown.path("min_prefixlen").asInt() == 28, "the subnet pool shown does not have min_prefixlen 28");
        String name = c.marker().name("pool-renamed");
        c.require(name.equals(update(c, SUBNET_POOLS, pool, object().put("name", name)).path("name").asText()),
                "the subnet pool update does not answer the new name");
        neutron.delete(SUBNET_POOLS, pool);
    }
}
