# language: nl
Functionaliteit: Actieverzoeken uitzetten en afhandelen
  Elke deelnemer kan een actieverzoek uitzetten aan één andere deelnemer. De
  ontvanger neemt het in behandeling, weigert het of meldt het gereed. De
  zender accepteert een gereedmelding of trekt het verzoek in. Zender en
  ontvanger sturen elkaar berichten bij het actieverzoek. Een actieverzoek is
  zichtbaar voor de zender, de ontvanger en de initiator.

  Achtergrond:
    Gegeven de initiator heeft een samenwerking gestart op een ontvangen verzoek
    En de ketenpartner met volledige toegang is uitgenodigd met volledige toegang
    En de ketenpartner met beperkte toegang is uitgenodigd met beperkte toegang

  @functie-actieverzoek-uitzetten @operatie-createActieverzoek @operatie-getActieverzoek @operatie-listNotificaties
  Scenario: De initiator zet een actieverzoek uit aan een ketenpartner
    Als de initiator een actieverzoek "Beoordeel het geluidsrapport" uitzet aan de ketenpartner met volledige toegang
    Dan staat de SWF dit toe
    En heeft het actieverzoek de status OPEN
    En is de initiator de zender en de ketenpartner met volledige toegang de ontvanger van het actieverzoek
    En krijgt de ketenpartner met volledige toegang een notificatie van het type ACTIEVERZOEK_ONTVANGEN

  @functie-actieverzoek-uitzetten @operatie-createActieverzoek
  Scenario: Een ketenpartner zet een actieverzoek uit aan een andere ketenpartner
    Als de ketenpartner met beperkte toegang een actieverzoek "Lever de brandweeradvisering aan" uitzet aan de ketenpartner met volledige toegang
    Dan staat de SWF dit toe
    En heeft het actieverzoek de status OPEN

  @functie-actieverzoek-uitzetten @operatie-createActieverzoek
  Scenario: Een actieverzoek gaat alleen naar een andere deelnemer
    Als de initiator een actieverzoek "Kijk hier eens naar" uitzet aan de buitenstaander
    Dan weigert de SWF dit met status 400 (regel actieverzoek-aan-andere-deelnemer)
    Als de initiator een actieverzoek "Kijk hier eens naar" uitzet aan de initiator
    Dan weigert de SWF dit met status 400 (regel actieverzoek-aan-andere-deelnemer)

  @functie-actieverzoek-gereedmelden @operatie-updateActieverzoek @operatie-getActieverzoek
  Scenario: De ontvanger meldt een actieverzoek gereed en de zender accepteert
    Gegeven de initiator heeft een actieverzoek "Beoordeel het geluidsrapport" uitgezet aan de ketenpartner met volledige toegang
    Als de ketenpartner met volledige toegang het actieverzoek in behandeling neemt
    Dan heeft het actieverzoek de status IN_BEHANDELING
    Als de ketenpartner met volledige toegang het actieverzoek gereedmeldt
    Dan heeft het actieverzoek de status GEREEDGEMELD
    En krijgt de initiator een notificatie van het type STATUS_ACTIEVERZOEK_GEWIJZIGD
    Als de initiator de gereedmelding accepteert
    Dan heeft het actieverzoek de status GEREED

  @functie-actieverzoek-gereedmelden @operatie-updateActieverzoek
  Scenario: De ontvanger weigert een actieverzoek
    Gegeven de initiator heeft een actieverzoek "Beoordeel het geluidsrapport" uitgezet aan de ketenpartner met volledige toegang
    Als de ketenpartner met volledige toegang het actieverzoek weigert
    Dan heeft het actieverzoek de status GEWEIGERD

  @functie-actieverzoek-gereedmelden @operatie-updateActieverzoek
  Scenario: Alleen de ontvanger meldt een actieverzoek gereed
    Gegeven de initiator heeft een actieverzoek "Beoordeel het geluidsrapport" uitgezet aan de ketenpartner met volledige toegang
    Als de initiator het actieverzoek gereedmeldt
    Dan weigert de SWF dit met status 403 (regel actieverzoek-overgang-door-juiste-partij)
    En heeft het actieverzoek nog de status OPEN

  @functie-actieverzoek-intrekken @operatie-updateActieverzoek
  Scenario: De zender trekt een actieverzoek in
    Gegeven de initiator heeft een actieverzoek "Beoordeel het geluidsrapport" uitgezet aan de ketenpartner met volledige toegang
    Als de initiator het actieverzoek intrekt
    Dan staat de SWF dit toe
    En heeft het actieverzoek de status INGETROKKEN
    En krijgt de ketenpartner met volledige toegang een notificatie van het type STATUS_ACTIEVERZOEK_GEWIJZIGD

  @functie-actieverzoek-intrekken @operatie-updateActieverzoek
  Scenario: Alleen de zender trekt een actieverzoek in
    Gegeven de initiator heeft een actieverzoek "Beoordeel het geluidsrapport" uitgezet aan de ketenpartner met volledige toegang
    Als de ketenpartner met volledige toegang het actieverzoek intrekt
    Dan weigert de SWF dit met status 403 (regel actieverzoek-overgang-door-juiste-partij)
    En heeft het actieverzoek nog de status OPEN

  @functie-actieverzoek-intrekken @operatie-updateActieverzoek
  Scenario: Een afgerond actieverzoek wordt niet meer ingetrokken
    Gegeven de initiator heeft een actieverzoek "Beoordeel het geluidsrapport" uitgezet aan de ketenpartner met volledige toegang
    En de ketenpartner met volledige toegang heeft het actieverzoek gereedgemeld
    En de initiator heeft de gereedmelding geaccepteerd
    Als de initiator het actieverzoek intrekt
    Dan weigert de SWF dit met status 409 (regel actieverzoek-overgang-toegestaan)
    En heeft het actieverzoek nog de status GEREED

  @functie-overzicht-actieverzoeken @operatie-listActieverzoeken @operatie-getActieverzoek
  Scenario: Het overzicht van actieverzoeken toont alleen wat een deelnemer mag zien
    Gegeven de ketenpartner met volledige toegang heeft een actieverzoek "Lever de bodemgegevens aan" uitgezet aan de ketenpartner met beperkte toegang
    En de initiator heeft een actieverzoek "Beoordeel het geluidsrapport" uitgezet aan de ketenpartner met volledige toegang
    Als de ketenpartner met beperkte toegang het overzicht van actieverzoeken opvraagt
    Dan staat in het overzicht alleen het actieverzoek "Lever de bodemgegevens aan"
    Als de initiator het overzicht van actieverzoeken opvraagt
    Dan staan in het overzicht precies de actieverzoeken "Lever de bodemgegevens aan" en "Beoordeel het geluidsrapport"
    Als de initiator het overzicht van actieverzoeken voor de ketenpartner met beperkte toegang opvraagt
    Dan staat in het overzicht alleen het actieverzoek "Lever de bodemgegevens aan"
    Als de ketenpartner met beperkte toegang het actieverzoek "Beoordeel het geluidsrapport" opvraagt
    Dan weigert de SWF dit met status 404 (regel actieverzoek-zichtbaar-voor-betrokkenen)

  @functie-berichten @operatie-createBericht @operatie-listBerichten @operatie-getBericht @operatie-listNotificaties
  Scenario: Zender en ontvanger sturen elkaar berichten bij een actieverzoek
    Gegeven de initiator heeft een actieverzoek "Beoordeel het geluidsrapport" uitgezet aan de ketenpartner met volledige toegang
    Als de ketenpartner met volledige toegang bij het actieverzoek het bericht "Wanneer is het rapport klaar?" stuurt
    Dan staat de SWF dit toe
    En krijgt de initiator een notificatie van het type NIEUW_BERICHT
    En ziet de initiator bij het actieverzoek het bericht "Wanneer is het rapport klaar?"
    En kan de initiator dat bericht afzonderlijk opvragen

  @functie-berichten @operatie-createBericht
  Scenario: Alleen zender en ontvanger sturen berichten bij een actieverzoek
    Gegeven de initiator heeft een actieverzoek "Beoordeel het geluidsrapport" uitgezet aan de ketenpartner met volledige toegang
    Als de ketenpartner met beperkte toegang bij het actieverzoek het bericht "Mag ik meekijken?" stuurt
    Dan weigert de SWF dit met status 404 (regel actieverzoek-zichtbaar-voor-betrokkenen)
