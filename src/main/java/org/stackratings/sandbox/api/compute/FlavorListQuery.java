package org.stackratings.sandbox.api.compute;

import org.stackratings.sandbox.routing.ApiRequest;
import org.stackratings.sandbox.state.CloudInventory.Flavor;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * What {@code GET /flavors} and {@code /flavors/detail} ask for, as Nova reads it: {@code minRam} (MB) and
 * {@code minDisk} (GB) keep the flavors with at least that much, sorted by flavor id; then {@code marker} (a flavor id)
 * and {@code limit}. Each null when not asked for.
 */
record FlavorListQuery(Integer minRam, Integer minDisk, String marker, String limit) {

    /** One page; {@code nextQuery} ({@code ?limit=..&marker=..}) is null on the last one. */
    record Page(List<Flavor> flavors, String nextQuery) {
    }

    /** The request's query; a {@link NovaRefusal} (400) for a filter Nova does not accept. */
    static FlavorListQuery of(ApiRequest req) {
        return new FlavorListQuery(filter(req, "minRam"), filter(req, "minDisk"), req.query("marker"), req.query("limit"));
    }

    Page page(List<Flavor> all) {
        List<Flavor> flavors = new ArrayList<>(all);
        flavors.sort(Comparator.comparing(Flavor::id));
        if (minRam != null) {
            flavors.removeIf(f -> f.ramMb() < minRam);
        }
        if (minDisk != null) {
            flavors.removeIf(f -> f.diskGb() < minDisk);
        }
        NovaPaging.Page<Flavor> page = NovaPaging.page(flavors, Flavor::id, marker, limit);
        return new Page(page.items(), page.nextQuery());
    }

    private static Integer filter(ApiRequest req, String name) {
        String value = req.query(name);
        if (value == null) {
            return null;
        }
        try {
            return Integer.parseInt(value.trim());
        } catch (NumberFormatException e) {
            throw new NovaRefusal(400, "Invalid " + name + " filter [" + value + "]");
        }
    }
}
