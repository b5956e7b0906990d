/**
 * The web pages the application serves: the trace explorer at {@code /} and {@code /explore}, and
 * GraphiQL at {@code /graphiql}. Both are static files (HTML, CSS, JavaScript modules under
 * {@code static/}) whose libraries come from WebJars and mvnpm jars on the classpath, so they work
 * without internet access. They call {@code /graphql} like any other client.
 */
@NullMarked
package org.dataflowatlas.web;

import org.jspecify.annotations.NullMarked;
