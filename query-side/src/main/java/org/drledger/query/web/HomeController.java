package org.drledger.query.web;

import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;

/** The entry pages: the public home, the login form and the supervisors' start page. */
@Controller
class HomeController {

    @GetMapping("/")
    String home() {
        return "home";
    }

    @GetMapping("/public")
    String publicIndex() {
        return "public/index";
    }

    @GetMapping("/login")
    String login() {
        return "login";
    }

    @GetMapping("/app")
    String app() {
        return "app";
    }
}
