# Interfejs Kiln po polsku. Tłumaczenie ilustracyjne: nie sprawdził go profesjonalny tłumacz.

## Every page
skip-link = Przejdź do treści głównej
footer-nav = O tej usłudze
footer-accessibility = Deklaracja dostępności
footer-privacy = Informacja o prywatności
footer-about = Kiln to otwarte oprogramowanie do ankiet dla mieszkańców. Twoje odpowiedzi są anonimowe.
language-nav = Wybierz język
title-suffix = Kiln
error-prefix = Błąd:
error-summary-title = Wystąpił problem
back = Wstecz
loading = Wczytywanie…
not-found-title = Nie znaleziono strony
not-found-typed = Jeśli adres został wpisany ręcznie, sprawdź, czy jest poprawny.
help-title = Jeśli chcesz z kimś porozmawiać
help-free = Te usługi są bezpłatne i poufne.
help-call = zadzwoń
new-tab = (otwiera się w nowej karcie)

## The list of surveys
home-title = Ankiety dla mieszkańców
home-heading = Wypowiedz się o życiu w swojej okolicy
home-lead = Twoje odpowiedzi pokazują radzie miasta, jak żyje się ludziom w poszczególnych okręgach. Wyniki są publikowane i każdy może je zobaczyć.
home-takes = Zajmuje około { $minutes } min
home-closed = W tej chwili nie przyjmuje odpowiedzi
home-started = Masz już rozpoczętą ankietę?
resume-link = Kontynuuj z kodem wznowienia

## A survey's start page
start-why = Dlaczego pytamy
start-before = Zanim zaczniesz
start-takes = Zajmuje to około { $minutes } min: { $questions } pytań w { $sections } krótkich częściach.
start-anonymous = Twoje odpowiedzi są anonimowe. Nie pytamy o imię i nazwisko, e-mail ani adres i nie zapisujemy Twojego adresu IP ani godziny odpowiedzi, tylko datę.
start-ward = Pytamy, w którym okręgu (ward) mieszkasz, aby pokazać wyniki dla każdej części miasta, oraz, jeśli zechcesz, o grupę wiekową i płeć, aby wyniki były reprezentatywne. Możesz odpowiedzieć „wolę nie odpowiadać”.
start-stop = Możesz przerwać w dowolnej chwili, zapisać odpowiedzi i wrócić później z kodem wznowienia. Na wspólnym komputerze zamknij przeglądarkę, gdy skończysz: potem Twoje odpowiedzi otworzy tylko kod wznowienia.
start-invited = Otrzymałeś(-aś) zaproszenie listem lub e-mailem?
start-unlinked = Twoje odpowiedzi nigdy nie są łączone z Tobą, Twoim adresem e-mail ani kodem: przy kodzie zapisujemy tylko, że został użyty, i datę.
start-topics = O co zapytamy
start-now = Rozpocznij
start-not-open = Ta ankieta nie przyjmuje teraz odpowiedzi. Wróć, gdy rozpocznie się kolejna runda.
start-started = Masz już rozpoczętą ankietę?
start-access = Masz kod dostępu z zaproszenia?
start-access-link = Wpisz kod dostępu
start-illustrative = To tłumaczenie jest ilustracyjne: nie sprawdził go profesjonalny tłumacz.

## A section of questions
section-progress = Część { $number } z { $count }
continue = Dalej
continue-check = Przejdź do sprawdzenia odpowiedzi
save-later = Zapisz i wróć później
resume-note = Twój kod wznowienia to { $code }. Zachowaj go, aby wrócić do odpowiedzi na dowolnym urządzeniu.
form-refused = Nie udało się zapisać odpowiedzi z tej strony, ponieważ formularz był nieprawidłowy. Odpowiedz ponownie i przejdź dalej.
ward-choose = Wybierz swój okręg
ward-dont-know = Nie wiem
ward-prefer-not = Wolę nie odpowiadać
postcode-label = Znajdź swój okręg po kodzie pocztowym
postcode-hint = Na przykład ST4 1HH. Używamy go tylko do znalezienia okręgu: nie jest przechowywany z odpowiedziami.
postcode-find = Znajdź mój okręg
postcode-found = Twój kod pocztowy należy do okręgu { $ward }. Wybraliśmy go poniżej: sprawdź, czy jest prawidłowy.
postcode-or = Albo wybierz z listy
postcode-empty = Wpisz swój kod pocztowy
postcode-invalid = Wpisz prawdziwy kod pocztowy, na przykład ST4 1HH
postcode-not-found = Nie znaleźliśmy okręgu dla tego kodu pocztowego. Sprawdź kod albo wybierz okręg z listy
scale-ends = { $min } oznacza „{ $minLabel }”, { $max } oznacza „{ $maxLabel }”
chars-remaining = Pozostało znaków: { $count }
chars-over = Za dużo znaków: { $count }

## What is wrong with an answer
problem-scale-range = Wybierz ocenę od { $min } do { $max } dla pytania: { $label }
problem-not-an-option = Wybierz jedną z pokazanych odpowiedzi dla pytania: { $label }
problem-not-a-ward = Wybierz swój okręg z listy
problem-number-range = Wpisz liczbę od { $min } do { $max } dla pytania: { $label }
problem-not-a-number = Wpisz liczbę całkowitą dla pytania: { $label }, na przykład { $example }
problem-too-long = Odpowiedź dla pytania „{ $label }” może mieć najwyżej { $max } znaków; ma { $count }

## Check your answers
check-title = Sprawdź odpowiedzi
check-heading = Sprawdź odpowiedzi przed wysłaniem
check-scale-answer = { $value } (na skali, gdzie { $min } oznacza „{ $minLabel }”, a { $max } „{ $maxLabel }”)
check-not-answered = Brak odpowiedzi
check-change = Zmień
check-change-hidden = odpowiedź na pytanie: { $question }
check-send-heading = Wyślij odpowiedzi
check-consent = Wysyłając odpowiedzi, zgadzasz się na ich anonimowe wykorzystanie w publikowanych przez radę miasta wynikach ankiety.
check-send = Wyślij odpowiedzi
check-refused = Nie udało się wysłać odpowiedzi, ponieważ formularz był nieprawidłowy. Sprawdź je i wyślij ponownie.

## Saved for later
saved-title = Twoje odpowiedzi zostały zapisane
saved-need-code = Aby do nich wrócić, na tym lub innym urządzeniu, potrzebujesz kodu wznowienia:
saved-write-down = Zapisz go. Na tym lub innym urządzeniu przejdź do strony
saved-continue-link = kontynuuj ankietę
saved-enter-code = i wpisz kod. Każdy, kto zna kod, może zobaczyć Twoje odpowiedzi, dopóki ich nie wyślesz.
saved-browser = Ta przeglądarka także trzyma Twoje odpowiedzi otwarte do czasu jej zamknięcia, bez kodu. Na wspólnym komputerze zamknij przeglądarkę, gdy skończysz: potem odpowiedzi otworzy tylko kod.
saved-deleted = Niedokończone odpowiedzi są usuwane 30 dni po ostatnim zapisaniu.
saved-continue = Kontynuuj teraz

## Sent
done-title = Odpowiedzi wysłane
done-heading = Dziękujemy: Twoje odpowiedzi zostały wysłane
done-receipt = Twój kod potwierdzenia
done-keep = Zachowaj kod potwierdzenia, jeśli zechcesz zapytać o swoją odpowiedź. Nikomu nie pokazuje on Twoich odpowiedzi.
done-next = Co dalej
done-next-body = Twoje odpowiedzi zostaną anonimowo dodane do odpowiedzi innych osób. Po zakończeniu ankiety rada miasta publikuje wyniki dla każdego okręgu, ukrywając dane tam, gdzie odpowiedziało zbyt mało osób, aby zachować anonimowość.
done-updates = Otrzymaj e-mail, gdy wyniki zostaną opublikowane
done-panel = Dołącz do panelu mieszkańców: otrzymuj zaproszenia do przyszłych ankiet
done-others = Zobacz inne ankiety

## Continuing with a resume code, and invitations
resume-title = Kontynuuj ankietę
resume-label = Kod wznowienia
resume-hint = Otrzymałeś(-aś) go przy zapisywaniu odpowiedzi, na przykład 7KQM-2XTP-9ABD.
resume-empty = Wpisz swój kod wznowienia
resume-length = Kod wznowienia powinien mieć 12 liter i cyfr, na przykład 7KQM-2XTP-9ABD
resume-characters = Kod wznowienia może zawierać tylko litery i cyfry, na przykład 7KQM-2XTP-9ABD
resume-not-found = Nie znaleźliśmy odpowiedzi zapisanych z tym kodem. Sprawdź kod: niedokończone odpowiedzi są usuwane 30 dni po ostatnim zapisaniu
take-part-title = Weź udział z kodem dostępu
take-part-intro = Jeśli rada miasta zaprosiła Cię do ankiety listem lub e-mailem, wpisz otrzymany kod dostępu. Każdy kod działa dla jednego zestawu odpowiedzi.
take-part-label = Kod dostępu
take-part-hint = 20 liter i cyfr, na przykład 7KQM-2XTP-9ABD-RW4H-C3NF
take-part-no-code = Nie masz kodu? Nadal możesz
take-part-any = odpowiedzieć na dowolną otwartą ankietę
access-empty = Wpisz swój kod dostępu
access-length = Kod dostępu powinien mieć 20 liter i cyfr, na przykład 7KQM-2XTP-9ABD-RW4H-C3NF
access-characters = Kod dostępu zawiera tylko wielkie litery i cyfry od 2 do 9, na przykład 7KQM-2XTP-9ABD-RW4H-C3NF
access-not-valid = Ten kod jest nieprawidłowy albo został już użyty. Porównaj go z listem lub e-mailem: każdy kod działa dla jednego zestawu odpowiedzi
access-closed = Ta ankieta została zamknięta i nie przyjmuje już odpowiedzi. Dziękujemy za zainteresowanie
invited-title = Zapraszamy do udziału w ankiecie
invited-lead = { $council } chce poznać Twoje zdanie. Zajmie to kilka minut, na dowolnym telefonie lub komputerze.
invited-stop = Możesz przerwać w dowolnej chwili, zapisać odpowiedzi i wrócić później z kodem wznowienia.
invited-start = Rozpocznij ankietę

## Dates and numbers
date-day = Dzień
date-month = Miesiąc
date-year = Rok
number-range = Liczba całkowita od { $min } do { $max }
problem-date-no-day = W polu „{ $label }” podaj dzień
problem-date-no-month = W polu „{ $label }” podaj miesiąc
problem-date-no-year = W polu „{ $label }” podaj rok
problem-not-a-date = W polu „{ $label }” podaj prawdziwą datę
problem-date-before = W polu „{ $label }” podaj datę nie wcześniejszą niż { $limit }
problem-date-after = W polu „{ $label }” podaj datę nie późniejszą niż { $limit }
