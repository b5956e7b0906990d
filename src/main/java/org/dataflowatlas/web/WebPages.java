package org.dataflowatlas.web;

import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.config.annotation.ViewControllerRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * Addresses of the pages: {@code /} is Boot's welcome page ({@code static/index.html}); the others
 * forward to their static files, so a link keeps its query string (the explorer's state).
 */
@Configuration(proxyBeanMethods = false)
class WebPages implements WebMvcConfigurer {

    @Override
    public void addViewControllers(ViewControllerRegistry registry) {
        registry.addViewController("/explore").setViewName("forward:/index.html");
        registry.addViewController("/graphiql").setViewName("forward:/graphiql/index.html");
    }
}
