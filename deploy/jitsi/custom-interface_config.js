// Облако здоровья's additions to Jitsi Meet's interface_config.js: copy to
// ~/.jitsi-meet-cfg/web/custom-interface_config.js (deploy/jitsi/README.md, "Phones, TURN and STUN").

// No "get the mobile app" banner on phones: the call runs in the browser.
interfaceConfig.MOBILE_APP_PROMO = false;
interfaceConfig.SHOW_JITSI_WATERMARK = false;
interfaceConfig.SHOW_BRAND_WATERMARK = false;
interfaceConfig.SHOW_POWERED_BY = false;
