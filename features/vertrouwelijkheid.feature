# language: nl
Functionaliteit: Beperkte toegang en rechten per document
  Een ketenpartner met beperkte toegang ziet alleen vertrouwelijke documenten
  (RV), nooit strikt vertrouwelijke (SV): niet in het overzicht, niet als hij
  het document rechtstreeks opvraagt, niet bij downloaden en niet in zijn
  notificaties. De initiator of de maker van een document kan voor één
  ketenpartner en één document een uitzondering maken: toegang toestaan of
  weigeren. Wat een deelnemer niet mag zien, bestaat voor hem niet (404).

  Achtergrond:
    Gegeven de initiator heeft een samenwerking gestart op een ontvangen verzoek
    En de ketenpartner met volledige toegang is uitgenodigd met volledige toegang
    En de ketenpartner met beperkte toegang is uitgenodigd met beperkte toegang

  @functie-overzicht-documenten @functie-documentmetadata-tonen @operatie-listDocumenten @operatie-getDocument
  Scenario: Beperkte toegang ziet een strikt vertrouwelijk document niet in het overzicht en niet op id
    Gegeven de initiator heeft het document "persoonsgegevens.pdf" toegevoegd als strikt vertrouwelijk
    Als de ketenpartner met beperkte toegang het overzicht van documenten opvraagt
    Dan staat het document "persoonsgegevens.pdf" niet in het overzicht (regel beperkte-toegang-ziet-geen-sv)
    Als de ketenpartner met beperkte toegang de metadata van het document "persoonsgegevens.pdf" opvraagt
    Dan weigert de SWF dit met status 404 (regel beperkte-toegang-ziet-geen-sv)

  @functie-document-downloaden @operatie-downloadDocument
  Scenario: Beperkte toegang downloadt een strikt vertrouwelijk document niet
    Gegeven de initiator heeft het document "persoonsgegevens.pdf" toegevoegd als strikt vertrouwelijk
    Als de ketenpartner met beperkte toegang het document "persoonsgegevens.pdf" downloadt
    Dan weigert de SWF dit met status 404 (regel beperkte-toegang-ziet-geen-sv)

  @functie-notificaties-ophalen @operatie-uploadDocument @operatie-listNotificaties
  Scenario: Beperkte toegang krijgt geen notificatie over een strikt vertrouwelijk document
    Als de initiator het document "persoonsgegevens.pdf" toevoegt als strikt vertrouwelijk
    Dan staat de SWF dit toe
    En krijgt de ketenpartner met volledige toegang een notificatie van het type DOCUMENT_TOEGEVOEGD over het document "persoonsgegevens.pdf"
    En krijgt de ketenpartner met beperkte toegang geen notificatie over het document "persoonsgegevens.pdf" (regel beperkte-toegang-ziet-geen-sv)

  @functie-overzicht-documenten @functie-document-downloaden @operatie-listDocumenten @operatie-downloadDocument
  Scenario: Volledige toegang ziet en downloadt ook strikt vertrouwelijke documenten
    Gegeven de initiator heeft het document "persoonsgegevens.pdf" toegevoegd als strikt vertrouwelijk
    Dan ziet de ketenpartner met volledige toegang het document "persoonsgegevens.pdf" in het overzicht
    Als de ketenpartner met volledige toegang het document "persoonsgegevens.pdf" downloadt
    Dan staat de SWF dit toe
    En is de download gelijk aan het toegevoegde document "persoonsgegevens.pdf"

  @functie-documentrechten-aanpassen @operatie-setDocumentRecht @operatie-listDocumentRechten @operatie-getDocumentRecht
  Scenario: De initiator geeft beperkte toegang recht op één strikt vertrouwelijk document
    Gegeven de initiator heeft het document "persoonsgegevens.pdf" toegevoegd als strikt vertrouwelijk
    En de initiator heeft het document "bouwtekening.pdf" toegevoegd als strikt vertrouwelijk
    Als de initiator de ketenpartner met beperkte toegang toegang geeft tot het document "persoonsgegevens.pdf"
    Dan staat de SWF dit toe
    En staat in de rechten op het document "persoonsgegevens.pdf" dat de ketenpartner met beperkte toegang toegang heeft
    En toont het afzonderlijk opgevraagde recht van de ketenpartner met beperkte toegang op het document "persoonsgegevens.pdf" de toegang TOEGESTAAN
    En ziet de ketenpartner met beperkte toegang het document "persoonsgegevens.pdf" in het overzicht
    Maar ziet de ketenpartner met beperkte toegang het document "bouwtekening.pdf" niet in het overzicht (regel beperkte-toegang-ziet-geen-sv)

  @functie-documentrechten-aanpassen @operatie-setDocumentRecht @operatie-downloadDocument
  Scenario: De initiator ontzegt volledige toegang het recht op één document
    Gegeven de initiator heeft het document "advies.pdf" toegevoegd als vertrouwelijk
    Als de initiator de ketenpartner met volledige toegang de toegang ontzegt tot het document "advies.pdf"
    Dan staat de SWF dit toe
    En ziet de ketenpartner met volledige toegang het document "advies.pdf" niet in het overzicht (regel documentrecht-geldt)
    Als de ketenpartner met volledige toegang het document "advies.pdf" downloadt
    Dan weigert de SWF dit met status 404 (regel documentrecht-geldt)

  @functie-documentrechten-aanpassen @operatie-deleteDocumentRecht @operatie-listDocumentRechten
  Scenario: Zonder uitzondering geldt weer het privilege van de ketenpartner
    Gegeven de initiator heeft het document "persoonsgegevens.pdf" toegevoegd als strikt vertrouwelijk
    En de initiator heeft de ketenpartner met beperkte toegang toegang gegeven tot het document "persoonsgegevens.pdf"
    Als de initiator de uitzondering voor de ketenpartner met beperkte toegang op het document "persoonsgegevens.pdf" verwijdert
    Dan staat de SWF dit toe
    En staat in de rechten op het document "persoonsgegevens.pdf" geen uitzondering voor de ketenpartner met beperkte toegang
    En ziet de ketenpartner met beperkte toegang het document "persoonsgegevens.pdf" niet in het overzicht (regel beperkte-toegang-ziet-geen-sv)

  @functie-documentrechten-aanpassen @operatie-setDocumentRecht
  Scenario: Een ketenpartner past de rechten op andermans document niet aan
    Gegeven de initiator heeft het document "advies.pdf" toegevoegd als vertrouwelijk
    Als de ketenpartner met volledige toegang de ketenpartner met beperkte toegang de toegang ontzegt tot het document "advies.pdf"
    Dan weigert de SWF dit met status 403 (regel documentrechten-door-initiator-of-uploader)
    En ziet de ketenpartner met beperkte toegang het document "advies.pdf" in het overzicht

  @functie-documentrechten-aanpassen @operatie-setDocumentRecht
  Scenario: De maker past de rechten op zijn eigen document aan
    Gegeven de ketenpartner met volledige toegang heeft het document "advies.pdf" toegevoegd als vertrouwelijk
    Als de ketenpartner met volledige toegang de ketenpartner met beperkte toegang de toegang ontzegt tot het document "advies.pdf"
    Dan staat de SWF dit toe
    En ziet de ketenpartner met beperkte toegang het document "advies.pdf" niet in het overzicht (regel documentrecht-geldt)
    Maar ziet de initiator het document "advies.pdf" in het overzicht
