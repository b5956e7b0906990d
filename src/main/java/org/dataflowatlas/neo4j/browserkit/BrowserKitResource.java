package org.dataflowatlas.neo4j.browserkit;

import javax.ws.rs.GET;
import javax.ws.rs.Path;
import javax.ws.rs.Produces;
import javax.ws.rs.core.Context;
import javax.ws.rs.core.UriInfo;

/** Serves the kit on Neo4j's HTTP server (Jersey instantiates it; it holds no state). */
@Path("/")
public class BrowserKitResource {

    @GET
    @Path(BrowserKit.GUIDE)
    @Produces("text/html; charset=utf-8")
    public String guide(@Context UriInfo uri) {
        return BrowserKit.guide(uri.getBaseUri().toString().replaceAll("/$", ""));
    }

    @GET
    @Path(BrowserKit.STYLE)
    @Produces("text/plain; charset=utf-8")
    public String style() {
        return BrowserKit.style();
    }
}
