## Time zones as a patient reads them: never an IANA id. See the Russian file.

zone-at = { $zone ->
    [Europe_Kaliningrad] Kaliningrad time
    [Europe_Moscow] Moscow time
    [Europe_Simferopol] Moscow time
    [Europe_Kirov] Moscow time
    [Europe_Volgograd] Moscow time
    [Europe_Samara] Samara time
    [Europe_Astrakhan] Astrakhan time
    [Europe_Saratov] Saratov time
    [Europe_Ulyanovsk] Ulyanovsk time
    [Asia_Yekaterinburg] Yekaterinburg time
    [Asia_Omsk] Omsk time
    [Asia_Novosibirsk] Novosibirsk time
    [Asia_Barnaul] Barnaul time
    [Asia_Tomsk] Tomsk time
    [Asia_Novokuznetsk] Kemerovo time
    [Asia_Krasnoyarsk] Krasnoyarsk time
    [Asia_Irkutsk] Irkutsk time
    [Asia_Chita] Chita time
    [Asia_Yakutsk] Yakutsk time
    [Asia_Vladivostok] Vladivostok time
    [Asia_Ust-Nera] Ust-Nera time
    [Asia_Magadan] Magadan time
    [Asia_Sakhalin] Sakhalin time
    [Asia_Srednekolymsk] Srednekolymsk time
    [Asia_Kamchatka] Kamchatka time
    [Asia_Anadyr] Chukotka time
   *[other] local time
} ({ $msk })

zone-name = { $zone ->
    [Europe_Kaliningrad] Kaliningrad time
    [Europe_Moscow] Moscow time
    [Europe_Simferopol] Moscow time
    [Europe_Kirov] Moscow time
    [Europe_Volgograd] Moscow time
    [Europe_Samara] Samara time
    [Europe_Astrakhan] Astrakhan time
    [Europe_Saratov] Saratov time
    [Europe_Ulyanovsk] Ulyanovsk time
    [Asia_Yekaterinburg] Yekaterinburg time
    [Asia_Omsk] Omsk time
    [Asia_Novosibirsk] Novosibirsk time
    [Asia_Barnaul] Barnaul time
    [Asia_Tomsk] Tomsk time
    [Asia_Novokuznetsk] Kemerovo time
    [Asia_Krasnoyarsk] Krasnoyarsk time
    [Asia_Irkutsk] Irkutsk time
    [Asia_Chita] Chita time
    [Asia_Yakutsk] Yakutsk time
    [Asia_Vladivostok] Vladivostok time
    [Asia_Ust-Nera] Ust-Nera time
    [Asia_Magadan] Magadan time
    [Asia_Sakhalin] Sakhalin time
    [Asia_Srednekolymsk] Srednekolymsk time
    [Asia_Kamchatka] Kamchatka time
    [Asia_Anadyr] Chukotka time
   *[other] local time
} ({ $msk })
