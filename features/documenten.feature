# language: nl
Functionaliteit: Documenten in het samenwerkdossier
  Elke deelnemer voegt documenten toe aan het samenwerkdossier, met een
  omschrijving en een vertrouwelijkheid: vertrouwelijk (RV) of strikt
  vertrouwelijk (SV). Deelnemers bekijken de metadata en downloaden de
  documenten die zij mogen zien. Alleen de organisatie die een document
  toevoegde wijzigt de gegevens ervan; verwijderen mag die organisatie of de
  initiator.

  Achtergrond:
    Gegeven de initiator heeft een samenwerking gestart op een ontvangen verzoek
    En de ketenpartner met volledige toegang is uitgenodigd met volledige toegang
    En de ketenpartner met beperkte toegang is uitgenodigd met beperkte toegang

  @functie-document-toevoegen @operatie-uploadDocument @operatie-listNotificaties
  Scenario: Een ketenpartner voegt een document toe aan het samenwerkdossier
    Als de ketenpartner met volledige toegang het document "advies-geluid.pdf" toevoegt als vertrouwelijk
    Dan staat de SWF dit toe
    En klopt de bestandsnaam, de grootte en de SHA-256-hash van het document "advies-geluid.pdf"
    En is het document "advies-geluid.pdf" toegevoegd door de ketenpartner met volledige toegang
    En krijgt de initiator een notificatie van het type DOCUMENT_TOEGEVOEGD
    En krijgt de ketenpartner met beperkte toegang een notificatie van het type DOCUMENT_TOEGEVOEGD

  @functie-document-downloaden @operatie-downloadDocument
  Scenario: Een deelnemer downloadt een document ongewijzigd
    Gegeven de initiator heeft het document "besluit.pdf" toegevoegd als vertrouwelijk
    Als de ketenpartner met beperkte toegang het document "besluit.pdf" downloadt
    Dan staat de SWF dit toe
    En is de download gelijk aan het toegevoegde document "besluit.pdf"

  @functie-documentmetadata-tonen @operatie-getDocument
  Scenario: Een deelnemer bekijkt de metadata van een document
    Gegeven de initiator heeft het document "besluit.pdf" toegevoegd als vertrouwelijk
    Als de ketenpartner met beperkte toegang de metadata van het document "besluit.pdf" opvraagt
    Dan staat de SWF dit toe
    En toont de metadata de omschrijving, de vertrouwelijkheid RV en de initiator als maker

  @functie-documentmetadata-tonen @operatie-updateDocument @operatie-getDocument
  Scenario: De maker wijzigt de omschrijving van een document
    Gegeven de ketenpartner met volledige toegang heeft het document "advies.pdf" toegevoegd als vertrouwelijk
    Als de ketenpartner met volledige toegang de omschrijving van het document "advies.pdf" wijzigt in "Advies, herziene versie"
    Dan staat de SWF dit toe
    En heeft het document "advies.pdf" de omschrijving "Advies, herziene versie"
    En krijgt de initiator een notificatie van het type DOCUMENT_GEWIJZIGD

  @functie-documentmetadata-tonen @operatie-updateDocument
  Scenario: Alleen de maker wijzigt de vertrouwelijkheid van een document
    Gegeven de ketenpartner met volledige toegang heeft het document "advies.pdf" toegevoegd als vertrouwelijk
    Als de initiator het document "advies.pdf" strikt vertrouwelijk maakt
    Dan weigert de SWF dit met status 403 (regel alleen-uploader-wijzigt-document)
    Als de ketenpartner met volledige toegang het document "advies.pdf" strikt vertrouwelijk maakt
    Dan staat de SWF dit toe
    En ziet de ketenpartner met beperkte toegang het document "advies.pdf" niet in het overzicht (regel beperkte-toegang-ziet-geen-sv)

  @functie-overzicht-documenten @operatie-listDocumenten
  Scenario: Het overzicht van documenten is te filteren op maker en vertrouwelijkheid
    Gegeven de initiator heeft het document "besluit.pdf" toegevoegd als vertrouwelijk
    En de ketenpartner met volledige toegang heeft het document "advies.pdf" toegevoegd als strikt vertrouwelijk
    Als de initiator het overzicht van documenten opvraagt
    Dan staan in het overzicht precies de documenten "besluit.pdf" en "advies.pdf"
    Als de initiator het overzicht van strikt vertrouwelijke documenten opvraagt
    Dan staat in het overzicht alleen het document "advies.pdf"
    Als de initiator het overzicht van documenten van de ketenpartner met volledige toegang opvraagt
    Dan staat in het overzicht alleen het document "advies.pdf"

  @functie-document-verwijderen @operatie-deleteDocument @operatie-getDocument
  Scenario: De maker verwijdert een document
    Gegeven de ketenpartner met volledige toegang heeft het document "advies.pdf" toegevoegd als vertrouwelijk
    Als de ketenpartner met volledige toegang het document "advies.pdf" verwijdert
    Dan staat de SWF dit toe
    En krijgt de initiator een notificatie van het type DOCUMENT_VERWIJDERD
    Als de initiator de metadata van het document "advies.pdf" opvraagt
    Dan weigert de SWF dit met status 404

  @functie-document-verwijderen @operatie-deleteDocument
  Scenario: De initiator verwijdert elk document, een andere ketenpartner niet
    Gegeven de ketenpartner met volledige toegang heeft het document "advies.pdf" toegevoegd als vertrouwelijk
    Als de ketenpartner met beperkte toegang het document "advies.pdf" verwijdert
    Dan weigert de SWF dit met status 403 (regel document-verwijderen-door-uploader-of-initiator)
    Als de initiator het document "advies.pdf" verwijdert
    Dan staat de SWF dit toe
    En ziet de ketenpartner met volledige toegang het document "advies.pdf" niet in het overzicht

  @functie-document-toevoegen @operatie-uploadDocument
  Scenario: Een bestandsnaam met mappen erin wordt geweigerd
    Als de initiator het document "../../etc/passwd" toevoegt als vertrouwelijk
    Dan weigert de SWF dit met status 400 (regel bestandsnaam-veilig)
