## Time zones as a patient reads them: never an IANA id. $zone is the IANA id with "/" written "_" (Fluent keys
## cannot hold a slash); $msk the offset from Moscow ("МСК+4"). A zone not listed reads as local time with its offset.

# After a time: «14:00 по новосибирскому времени (МСК+4)».
zone-at = { $zone ->
    [Europe_Kaliningrad] по калининградскому времени
    [Europe_Moscow] по московскому времени
    [Europe_Simferopol] по московскому времени
    [Europe_Kirov] по московскому времени
    [Europe_Volgograd] по московскому времени
    [Europe_Samara] по самарскому времени
    [Europe_Astrakhan] по астраханскому времени
    [Europe_Saratov] по саратовскому времени
    [Europe_Ulyanovsk] по ульяновскому времени
    [Asia_Yekaterinburg] по екатеринбургскому времени
    [Asia_Omsk] по омскому времени
    [Asia_Novosibirsk] по новосибирскому времени
    [Asia_Barnaul] по барнаульскому времени
    [Asia_Tomsk] по томскому времени
    [Asia_Novokuznetsk] по кемеровскому времени
    [Asia_Krasnoyarsk] по красноярскому времени
    [Asia_Irkutsk] по иркутскому времени
    [Asia_Chita] по читинскому времени
    [Asia_Yakutsk] по якутскому времени
    [Asia_Vladivostok] по владивостокскому времени
    [Asia_Ust-Nera] по усть-нерскому времени
    [Asia_Magadan] по магаданскому времени
    [Asia_Sakhalin] по сахалинскому времени
    [Asia_Srednekolymsk] по среднеколымскому времени
    [Asia_Kamchatka] по камчатскому времени
    [Asia_Anadyr] по чукотскому времени
   *[other] по местному времени
} ({ $msk })

# As a value: «Часовой пояс: новосибирское время (МСК+4)».
zone-name = { $zone ->
    [Europe_Kaliningrad] калининградское время
    [Europe_Moscow] московское время
    [Europe_Simferopol] московское время
    [Europe_Kirov] московское время
    [Europe_Volgograd] московское время
    [Europe_Samara] самарское время
    [Europe_Astrakhan] астраханское время
    [Europe_Saratov] саратовское время
    [Europe_Ulyanovsk] ульяновское время
    [Asia_Yekaterinburg] екатеринбургское время
    [Asia_Omsk] омское время
    [Asia_Novosibirsk] новосибирское время
    [Asia_Barnaul] барнаульское время
    [Asia_Tomsk] томское время
    [Asia_Novokuznetsk] кемеровское время
    [Asia_Krasnoyarsk] красноярское время
    [Asia_Irkutsk] иркутское время
    [Asia_Chita] читинское время
    [Asia_Yakutsk] якутское время
    [Asia_Vladivostok] владивостокское время
    [Asia_Ust-Nera] усть-нерское время
    [Asia_Magadan] магаданское время
    [Asia_Sakhalin] сахалинское время
    [Asia_Srednekolymsk] среднеколымское время
    [Asia_Kamchatka] камчатское время
    [Asia_Anadyr] чукотское время
   *[other] местное время
} ({ $msk })
