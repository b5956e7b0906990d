package org.dataflowatlas.trace;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import org.dataflowatlas.PartialDate;
import org.dataflowatlas.flow.FlowService;
import org.dataflowatlas.flow.Product;
import org.dataflowatlas.graph.AsOf;
import org.dataflowatlas.organization.Jurisdiction;
import org.dataflowatlas.organization.OrgKind;
import org.dataflowatlas.organization.Organization;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Exposure is a LINEAGE trace downstream from the platform (one statement), summarised: agencies
 * by jurisdiction and organizations by kind, with the vendors and products on the way (one more
 * statement, for the products of all its flows at once).
 */
@Service
@Transactional(readOnly = true)
public class ExposureService {

    public static final int MAX_REACHED = 5_000;

    private final TraceService traces;
    private final FlowService flows;

    ExposureService(TraceService traces, FlowService flows) {
        this.traces = traces;
        this.flows = flows;
    }

    /** The trace an exposure summarises: LINEAGE, downstream, up to every reached organization. */
    public static TraceRequest request(String platformId, @Nullable PartialDate activeOn, AsOf asOf, int maxHops) {
        return TraceRequest.from(platformId)
                .maxHops(maxHops)
                .activeOn(activeOn)
                .asOf(asOf)
                .limit(MAX_REACHED)
                .maxPaths(TraceService.MAX_PATHS)
                .originField("platform")
                .build();
    }

    public Exposure exposure(String platformId, @Nullable PartialDate activeOn, AsOf asOf, int maxHops) {
        var trace = traces.trace(request(platformId, activeOn, asOf, maxHops));
        // The trace brought its organizations; only the products of its flows need a statement.
        var byId = new HashMap<String, Organization>();
        var flowIds = new LinkedHashSet<String>();
        byId.put(platformId, trace.origin());
        trace.reached().forEach(reach -> byId.put(reach.organization().id(), reach.organization()));
        trace.paths().forEach(path -> {
            path.organizations().forEach(organization -> byId.put(organization.id(), organization));
            flowIds.addAll(path.flowIds());
        });
        var productsByFlow = flows.productsOf(flowIds);

        var agencies = new LinkedHashSet<String>();
        var perJurisdiction = new TreeMap<String, Bucket>();
        var perKind = new TreeMap<String, Integer>();
        var allVendors = new LinkedHashSet<String>();
        var allProducts = new LinkedHashMap<String, Product>();
        for (var reach : trace.reached()) {
            var organization = reach.organization();
            perKind.merge(String.valueOf(organization.kind()), 1, Integer::sum);
            if (organization.kind() != OrgKind.AGENCY) {
                continue;
            }
            agencies.add(organization.id());
            for (var jurisdiction : jurisdictionsOf(organization)) {
                var bucket = perJurisdiction.computeIfAbsent(String.valueOf(jurisdiction), key -> new Bucket());
                bucket.agencies.add(organization.id());
                if (organization.group()) {
                    bucket.groups.add(organization.id());
                }
                for (var path : reach.paths()) {
                    for (var id : path.organizationIds()
                            .subList(1, path.organizationIds().size() - 1)) {
                        bucket.vendors.add(id);
                        allVendors.add(id);
                    }
                    for (var flowId : path.flowIds()) {
                        var product = productsByFlow.get(flowId);
                        if (product != null) {
                            bucket.products.putIfAbsent(product.id(), product);
                            allProducts.putIfAbsent(product.id(), product);
                        }
                    }
                }
            }
        }
        var byJurisdiction = new ArrayList<Exposure.JurisdictionExposure>();
        perJurisdiction.forEach((jurisdiction, bucket) -> byJurisdiction.add(new Exposure.JurisdictionExposure(
                "null".equals(jurisdiction) ? null : Jurisdiction.valueOf(jurisdiction),
                bucket.agencies.size(),
                organizationsOf(bucket.groups, byId),
                organizationsOf(bucket.vendors, byId),
                List.copyOf(bucket.products.values()))));
        var byKind = new ArrayList<Exposure.KindExposure>();
        perKind.forEach((kind, count) ->
                byKind.add(new Exposure.KindExposure("null".equals(kind) ? null : OrgKind.valueOf(kind), count)));
        byKind.sort(Comparator.comparing(
                k -> k.kind() == null ? Integer.MAX_VALUE : k.kind().ordinal()));
        return new Exposure(
                trace.origin(),
                activeOn == null ? null : activeOn.text(),
                agencies.size(),
                byJurisdiction,
                byKind,
                organizationsOf(allVendors, byId),
                List.copyOf(allProducts.values()),
                trace.truncated(),
                trace.undatedLeftOut());
    }

    /** A group standing for agencies at several levels counts at each; an agency of unknown level under null. */
    private static List<@Nullable Jurisdiction> jurisdictionsOf(Organization organization) {
        if (organization.jurisdiction() != null) {
            return List.of(Jurisdiction.valueOf(organization.jurisdiction()));
        }
        var levels = organization.jurisdictions();
        if (levels.isEmpty()) {
            var unknown = new ArrayList<@Nullable Jurisdiction>();
            unknown.add(null);
            return unknown;
        }
        return levels.stream()
                .map(Jurisdiction::valueOf)
                .map(j -> (@Nullable Jurisdiction) j)
                .toList();
    }

    private static List<Organization> organizationsOf(Set<String> ids, Map<String, Organization> byId) {
        return ids.stream().map(byId::get).filter(Objects::nonNull).toList();
    }

    private static final class Bucket {
        final Set<String> agencies = new LinkedHashSet<>();
        final Set<String> groups = new LinkedHashSet<>();
        final Set<String> vendors = new LinkedHashSet<>();
        final Map<String, Product> products = new LinkedHashMap<>();
    }
}
