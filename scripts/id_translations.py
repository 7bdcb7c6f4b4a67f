"""Indonesian translations of Neraca's messages; `python scripts/update_catalog.py` merges them into the .po."""
ID = {
    "Links sent outside the site need its public address (PUBLIC_URL): ask your administrator to set it.":
        "Tautan yang dikirim ke luar situs memerlukan alamat publiknya (PUBLIC_URL): minta administrator Anda mengaturnya.",
    "Give a time between the years 2000 and 2100.": "Isikan waktu antara tahun 2000 dan 2100.",
    "network (ANP) limit priorities": "prioritas limit jaringan (ANP)",
    "Email": "Email", "Password": "Kata sandi", "Scorecard name": "Nama scorecard",
    "Version (e.g. the year)": "Versi (mis. tahun)", "New version label": "Label versi baru", "Code": "Kode",
    "Kind": "Jenis", "Perspective": "Perspektif", "Objective": "Sasaran strategis", "KPI": "IKU",
    "Parent code": "Kode induk", "Name": "Nama", "Unit": "Satuan", "Better when": "Lebih baik bila",
    "higher": "lebih tinggi", "lower": "lebih rendah", "Description": "Deskripsi", "Formula": "Rumus",
    "Data source": "Sumber data", "Measured by": "Diukur oleh", "CSV or XLSX file": "Berkas CSV atau XLSX",
    "Upload a .csv or .xlsx file.": "Unggah berkas .csv atau .xlsx.", "Role": "Jabatan",
    "Stakeholder": "Pemangku kepentingan", "Employee": "Pegawai", "Weight in the group": "Bobot dalam kelompok",
    "Title": "Judul", "Scorecard version": "Versi scorecard", "Period": "Periode", "Opens": "Dibuka",
    "Closes": "Ditutup", "Language": "Bahasa", "CR threshold": "Batas CR", "Random index table": "Tabel indeks acak",
    "Re-asks at most": "Paling banyak ditanya ulang", "Aggregation": "Agregasi",
    "Geometric mean of judgments (AIJ)": "Rata-rata geometrik penilaian (AIJ)",
    "Mean of individual priorities (AIP)": "Rata-rata prioritas individu (AIP)",
    "Count respondents who stayed inconsistent": "Hitung responden yang tetap tidak konsisten",
    "Allow \"don't know\"": "Izinkan \"tidak tahu\"", "Ask role and years of service": "Tanyakan jabatan dan masa kerja",
    "The round must close after it opens.": "Putaran harus ditutup setelah dibuka.",
    "Your position": "Jabatan Anda", "Years of service": "Masa kerja (tahun)", "Don't know": "Tidak tahu",
    "Choose a value for this pair.": "Pilih nilai untuk pasangan ini.",
    "If you keep your answers, why?": "Jika Anda mempertahankan jawaban, apa alasannya?",
    "Too many failed sign-ins. Try again after %(minutes)d min.":
        "Terlalu banyak percobaan masuk yang gagal. Coba lagi setelah %(minutes)d menit.",
    "Wrong email or password.": "Email atau kata sandi salah.", "Added %(code)s.": "%(code)s ditambahkan.",
    "Imported %(count)d rows.": "%(count)d baris diimpor.",
    "Imported %(count)d people.": "%(count)d orang diimpor.",
    "Choose at least one person to invite.": "Pilih setidaknya satu orang untuk diundang.",
    "%(count)d invitations queued.": "%(count)d undangan masuk antrean.",
    "%(count)d reminders queued.": "%(count)d pengingat masuk antrean.",
    "Weights published to the scorecard.": "Bobot diterbitkan ke scorecard.",
    "Equally important": "Sama penting", "Slightly more important": "Sedikit lebih penting",
    "More important": "Lebih penting", "Much more important": "Jauh lebih penting",
    "Absolutely more important": "Mutlak lebih penting", "In between the neighbouring values": "Nilai di antara dua nilai di sebelahnya",
    "Reminder: %(title)s": "Pengingat: %(title)s", "Invitation: %(title)s": "Undangan: %(title)s",
    "Dear %(name)s,": "Yth. %(name)s,",
    'You are invited to weigh the performance scorecard in the survey "%(title)s". Your personal link is:':
        'Anda diundang untuk memberi bobot pada scorecard kinerja dalam survei "%(title)s". Tautan pribadi Anda:',
    "The link is yours alone: please do not forward it. You can stop at any time and continue later with the same link.":
        "Tautan ini khusus untuk Anda: mohon tidak diteruskan. Anda dapat berhenti kapan saja dan melanjutkan nanti dengan tautan yang sama.",
    "Thank you.": "Terima kasih.", "Dashboard": "Dasbor", "People": "Orang", "Outbox": "Kotak keluar",
    "Sign out": "Keluar", "Sign in for HR and administrators": "Masuk untuk SDM dan administrator",
    "Stakeholders and employees: open the personal link from your invitation email.":
        "Pemangku kepentingan dan pegawai: buka tautan pribadi dari email undangan Anda.",
    "Sign in": "Masuk", "Page not found": "Halaman tidak ditemukan",
    "This address does not exist. If you followed a survey link, check that you copied all of it from your email.":
        "Alamat ini tidak ada. Jika Anda membuka tautan survei, pastikan seluruh tautan dari email tersalin.",
    "Survey rounds": "Putaran survei", "Round": "Putaran", "Status": "Status", "Responses": "Tanggapan",
    "open": "terbuka", "closed": "ditutup", "No rounds yet.": "Belum ada putaran.",
    "New weighting round": "Putaran pembobotan baru", "Scorecards": "Scorecard", "weights published": "bobot diterbitkan",
    "No scorecards yet.": "Belum ada scorecard.", "New scorecard": "Scorecard baru",
    "Every email Neraca sends. Personal links are put into a message only when it is sent, so they are hidden here; "
    "HR copies a person's link from the round's page.":
        "Semua email yang dikirim Neraca. Tautan pribadi baru dimasukkan ke pesan saat pesan dikirim, sehingga di sini "
        "disembunyikan; HR dapat menyalin tautan seseorang dari halaman putaran.",
    "No messages.": "Tidak ada pesan.", "Weight": "Bobot", "Nobody yet.": "Belum ada orang.",
    "Add a person": "Tambah orang", "Add": "Tambah", "Import people": "Impor daftar orang",
    "Columns: name, and email or phone (or both; a phone such as 0812-3456-7890 is kept as +6281234567890); optional: "
    "unit, role, kind (stakeholder or employee), weight. People already on the list (same email, else same phone) are "
    "updated. Nothing is imported if any row is wrong.":
        "Kolom: name, serta email atau phone (atau keduanya; nomor seperti 0812-3456-7890 disimpan sebagai "
        "+6281234567890); opsional: unit, role, kind (stakeholder atau employee), weight. Orang yang sudah ada dalam "
        "daftar (email yang sama, atau nomor telepon yang sama) diperbarui. Tidak ada yang diimpor bila ada baris "
        "yang salah.",
    "Import": "Impor", "Results": "Hasil", "Method": "Metode",
    "geometric mean of judgments (AIJ)": "rata-rata geometrik penilaian (AIJ)",
    "mean of individual priorities (AIP)": "rata-rata prioritas individu (AIP)",
    "principal eigenvector": "vektor eigen utama",
    "Respondents who stayed inconsistent are counted.": "Responden yang tetap tidak konsisten ikut dihitung.",
    "Respondents who stayed inconsistent are left out.": "Responden yang tetap tidak konsisten tidak dihitung.",
    "Perspectives": "Perspektif", "No finished answers yet.": "Belum ada jawaban yang selesai.",
    "consensus": "konsensus", "respondents": "responden", "left out": "tidak dihitung",
    "Global weights": "Bobot global", "Element": "Elemen", "Local": "Lokal", "Global": "Global",
    "With everyone": "Dengan semua responden", "Without inconsistent respondents": "Tanpa responden yang tidak konsisten",
    "Publish these weights to the scorecard": "Terbitkan bobot ini ke scorecard", "re-asks at most": "tanya ulang paling banyak",
    "Progress": "Kemajuan", "Completed": "Selesai", "Opened the link": "Sudah membuka tautan",
    "queued": "antre", "sent": "terkirim", "kept in the outbox": "disimpan di kotak keluar", "failed": "gagal",
    "Retry failed emails": "Kirim ulang email yang gagal", "Participants": "Peserta", "CR per cluster": "CR per kelompok",
    "Re-asks": "Tanya ulang", "invited": "diundang", "opened": "dibuka", "answering": "sedang mengisi",
    "completed": "selesai", "kept inconsistent": "tetap tidak konsisten", "Nobody invited yet.": "Belum ada yang diundang.",
    "Invite": "Undang", "Send invitations": "Kirim undangan", "Everyone on the people list is invited.": "Semua orang dalam daftar sudah diundang.",
    "Remind by email everyone who has not finished": "Ingatkan melalui email semua yang belum selesai", "Close the round": "Tutup putaran",
    "Create the round": "Buat putaran", "Create": "Buat", "Local weight": "Bobot lokal", "Global weight": "Bobot global",
    "Empty: add elements below or import a table.": "Kosong: tambah elemen di bawah atau impor tabel.",
    "Export XLSX": "Ekspor XLSX", "Export CSV": "Ekspor CSV", "Add an element": "Tambah elemen", "Import a table": "Impor tabel",
    "Columns: code, kind (perspective, objective, kpi), parent, name; optional: description, purpose, unit, formula, better, data_source, measured_by, measurement_frequency, review_frequency, weight (a given local weight among siblings, e.g. from a decree). Nothing is imported if any row is wrong.":
        "Kolom: code, kind (perspective, objective, kpi), parent, name; opsional: description, purpose, unit, formula, better, data_source, measured_by, measurement_frequency, review_frequency, weight (bobot lokal yang ditetapkan di antara elemen sejajar, mis. dari SK). Tidak ada yang diimpor bila ada baris yang salah.",
    "Revise for a new year": "Revisi untuk tahun baru", "Copy this version": "Salin versi ini",
    "%(a)s is %(v)s times as important as %(b)s": "%(a)s %(v)s kali lebih penting daripada %(b)s",
    "%(b)s is %(v)s times as important as %(a)s": "%(b)s %(v)s kali lebih penting daripada %(a)s",
    "equally important": "sama penting",
    "This survey is closed: answers are no longer accepted. Thank you for your interest.":
        "Survei ini sudah ditutup: jawaban tidak lagi diterima. Terima kasih atas perhatian Anda.",
    "Page %(n)d of %(total)d": "Halaman %(n)d dari %(total)d",
    "Which is more important, and by how much?": "Mana yang lebih penting, dan seberapa besar?",
    "Some pairs need an answer: see the marked ones below.": "Beberapa pasangan belum dijawab: lihat yang ditandai di bawah.",
    "Save and continue": "Simpan dan lanjutkan", "Thank you": "Terima kasih",
    "Your answers are saved. This is what they say, page by page:": "Jawaban Anda tersimpan. Inilah artinya, halaman demi halaman:",
    "You can still change your answers with the same link until the round closes.":
        "Anda masih dapat mengubah jawaban dengan tautan yang sama sampai putaran ditutup.",
    "Please check these answers": "Mohon periksa jawaban berikut",
    "Some of your answers on this page do not agree with each other (consistency ratio %(cr)s, the limit is %(limit)s). These are the answers that disagree most with the rest.":
        "Beberapa jawaban Anda di halaman ini tidak saling sesuai (rasio konsistensi %(cr)s, batasnya %(limit)s). Berikut jawaban yang paling tidak sesuai dengan jawaban lainnya.",
    "Check %(n)d of at most %(max)d.": "Pemeriksaan ke-%(n)d dari paling banyak %(max)d.",
    "Your other answers suggest: %(a)s is about %(v)s times as important as %(b)s.":
        "Jawaban Anda yang lain menunjukkan: %(a)s sekitar %(v)s kali lebih penting daripada %(b)s.",
    "Your other answers suggest: %(b)s is about %(v)s times as important as %(a)s.":
        "Jawaban Anda yang lain menunjukkan: %(b)s sekitar %(v)s kali lebih penting daripada %(a)s.",
    "Your other answers suggest: %(a)s and %(b)s are about equally important.":
        "Jawaban Anda yang lain menunjukkan: %(a)s dan %(b)s kira-kira sama penting.",
    "Choosing it would bring the consistency ratio to %(cr)s.": "Bila memilihnya, rasio konsistensi menjadi %(cr)s.",
    "You are asked to compare the elements of the performance scorecard two at a time: which of the two is more important for the office, and by how much?":
        "Anda diminta membandingkan elemen scorecard kinerja dua per dua: mana yang lebih penting bagi kantor, dan seberapa besar?",
    "Each pair is shown on a two-sided scale. Choose a number on the side of the more important element; choose 1 when both are equally important.":
        "Setiap pasangan ditampilkan pada skala dua sisi. Pilih angka di sisi elemen yang lebih penting; pilih 1 bila keduanya sama penting.",
    "Value": "Nilai", "Meaning": "Arti",
    "After each page the answers are checked for consistency. If some answers contradict the others, you will be shown them once more, with the value your other answers suggest; you may change them or keep them.":
        "Setiap halaman diperiksa konsistensinya. Bila ada jawaban yang bertentangan dengan jawaban lain, jawaban itu ditampilkan sekali lagi beserta nilai yang ditunjukkan jawaban Anda yang lain; Anda boleh mengubah atau mempertahankannya.",
    "Your answers are saved page by page: you can stop and come back later with the same link.":
        "Jawaban disimpan per halaman: Anda dapat berhenti dan kembali nanti dengan tautan yang sama.",
    "row geometric mean": "rata-rata geometrik baris", "approximate method": "metode pendekatan",
    "global weights published to %(n)d decimals": "bobot global diterbitkan dengan %(n)d desimal",
    "Priorities": "Prioritas", "Principal eigenvector (standard)": "Vektor eigen utama (standar)",
    "Row geometric mean": "Rata-rata geometrik baris",
    "Approximate (normalised columns, row averages)": "Pendekatan (kolom dinormalkan, rata-rata baris)",
    "Round published global weights to decimals": "Bulatkan bobot global yang diterbitkan (jumlah desimal)",
    "Target": "Target", "Actual": "Realisasi", "Note (why it changed)": "Catatan (alasan perubahan)",
    "Anchors (level: value; ...), e.g. 0: 50; 3: 70; 10: 100": "Jangkar (level: nilai; ...), mis. 0: 50; 3: 70; 10: 100",
    "Write anchors as level: value pairs separated by ';', e.g. 0: 50; 3: 70; 10: 100.":
        "Tulis jangkar sebagai pasangan level: nilai dipisah ';', mis. 0: 50; 3: 70; 10: 100.",
    "Root cause": "Akar masalah", "Recommended action": "Tindakan yang disarankan", "Saved.": "Tersimpan.",
    "Scorecard": "Scorecard", "red": "merah", "yellow": "kuning", "green": "hijau", "no data": "tanpa data",
    "Performance index": "Indeks kinerja", "against the previous period": "dibanding periode sebelumnya",
    "Subtotal": "Subtotal", "Trend": "Tren", "Objective Matrix": "Objective Matrix (OMAX)", "Performance": "Kinerja",
    "Level": "Level", "Light": "Lampu", "Red and yellow KPIs": "IKU merah dan kuning", "Edit": "Ubah", "Save": "Simpan",
    "Every KPI is green.": "Semua IKU hijau.", "Performance data": "Data kinerja", "scorecard": "scorecard",
    "no data yet": "belum ada data", "Ladder": "Tangga skor", "Entered": "Dimasukkan oleh", "automatic": "otomatis",
    "Enter a target or actual": "Masukkan target atau realisasi",
    "A new entry never erases the old one: the newest counts and the history is kept.":
        "Entri baru tidak menghapus yang lama: yang terbaru berlaku dan riwayatnya disimpan.",
    "Set a ladder": "Atur tangga skor",
    "Level 10 holds the target, level 3 the baseline, level 0 the worst value. Without a ladder, Neraca builds one from this period's target, last period's actual and the worst actual seen.":
        "Level 10 berisi target, level 3 nilai dasar, level 0 nilai terburuk. Tanpa tangga skor, Neraca menyusunnya dari target periode ini, realisasi periode lalu, dan realisasi terburuk yang pernah ada.",
    "Measurements: columns kpi, period, target, actual (other columns are inputs of formula KPIs). Ladders: columns kpi, period and 0 ... 10 for the anchored levels. Nothing is imported if any row is wrong.":
        "Pengukuran: kolom kpi, period, target, actual (kolom lain adalah masukan IKU berumus). Tangga skor: kolom kpi, period dan 0 ... 10 untuk level jangkar. Tidak ada yang diimpor bila ada baris yang salah.",
    "Performance data and scorecards": "Data kinerja dan scorecard",
    "Kind of round": "Jenis putaran", "Weighting (pairwise comparisons)": "Pembobotan (perbandingan berpasangan)",
    "Employee self-report": "Laporan mandiri pegawai", "Validation of the scorecard": "Validasi scorecard",
    "Satisfaction (Likert)": "Kepuasan (Likert)", "Personal scorecard levels": "Level scorecard pribadi",
    "Fractional": "Pecahan", "Whole, rounded half up": "Bulat, dibulatkan setengah ke atas",
    "Whole, rounded down": "Bulat, dibulatkan ke bawah", "Whole, rounded up": "Bulat, dibulatkan ke atas",
    "Number": "Angka", "Choice over ranges": "Pilihan rentang", "Likert 1-5": "Likert 1-5", "Yes / no": "Ya / tidak",
    "Overall verdict": "Kesimpulan menyeluruh", "Question": "Pertanyaan", "KPI or element code": "Kode IKU atau elemen",
    "Minimum": "Minimum", "Maximum": "Maksimum", "Options (label = value; ...)": "Pilihan (label = nilai; ...)",
    "Corrected answer": "Jawaban yang dikoreksi", "Reason": "Alasan", "KPI code": "Kode IKU", "Yes": "Ya", "No": "Tidak",
    "%(count)d questions created from the scorecard.": "%(count)d pertanyaan dibuat dari scorecard.",
    "Answer this question.": "Jawab pertanyaan ini.", "Enter a number.": "Masukkan angka.",
    "The answer is outside the allowed range.": "Jawaban di luar rentang yang diizinkan.",
    "Choose one of the options.": "Pilih salah satu pilihan.", "Ranking": "Peringkat",
    "No weights are published for this scorecard: every KPI weighs the same.":
        "Belum ada bobot yang diterbitkan untuk scorecard ini: setiap IKU berbobot sama.",
    "Rank": "Peringkat", "Total": "Total", "Class": "Kelas", "Achievement": "Realisasi",
    "Correct an answer": "Koreksi jawaban", "Relevance": "Relevansi", "Relevant": "Relevan", "Verdicts": "Kesimpulan",
    "valid": "valid", "not valid": "tidak valid", "None yet.": "Belum ada.", "Satisfaction": "Kepuasan",
    "Item": "Butir", "Mean (1-5)": "Rata-rata (1-5)", "Overall": "Keseluruhan",
    "Use the overall score as a KPI's actual for a period:": "Gunakan skor keseluruhan sebagai realisasi IKU untuk satu periode:",
    "Save as KPI performance": "Simpan sebagai kinerja IKU", "Questions": "Pertanyaan", "No questions yet.": "Belum ada pertanyaan.",
    "Create the questions from the scorecard": "Buat pertanyaan dari scorecard", "Add a question": "Tambah pertanyaan",
    "Your answers are saved:": "Jawaban Anda tersimpan:", "Change my answers": "Ubah jawaban saya",
    "Some answers need attention: see the marked ones below.": "Beberapa jawaban perlu diperbaiki: lihat yang ditandai di bawah.",
    "very dissatisfied": "sangat tidak puas", "very satisfied": "sangat puas",
    "New survey round": "Putaran survei baru",
    'You are invited to fill in the questionnaire "%(title)s". Your personal link is:':
        'Anda diundang untuk mengisi kuesioner "%(title)s". Tautan pribadi Anda:',
    "Inputs of a formula KPI (name = value; ...)": "Masukan IKU berumus (nama = nilai; ...)",
    "Write inputs as name = value pairs separated by ';', e.g. trained = 12; staff = 16.":
        "Tulis masukan sebagai pasangan nama = nilai dipisah ';', mis. trained = 12; staff = 16.",
    "This report cannot be made yet": "Laporan ini belum dapat dibuat", "Print": "Cetak", "Export": "Ekspor",
    "raw judgments": "penilaian mentah", "group matrices": "matriks kelompok", "weights": "bobot", "Printed": "Dicetak",
    "Page": "Halaman", "Performance scorecard": "Scorecard kinerja", "Subtotal per perspective": "Subtotal per perspektif",
    "Lights": "Lampu", "Index over the periods": "Indeks dari periode ke periode", "Personal scorecards": "Scorecard pribadi",
    "Weighting report": "Laporan pembobotan", "Respondents": "Responden",
    "Stayed inconsistent after re-asking": "Tetap tidak konsisten setelah ditanya ulang", "Re-asked": "Ditanya ulang",
    "Local and global weights": "Bobot lokal dan global",
    "Report": "Laporan", "Waiting to start": "Menunggu dimulai", "Being made": "Sedang dibuat", "Ready": "Siap",
    "Failed": "Gagal", "Download the PDF": "Unduh PDF",
    "Make all personal scorecards in the background": "Buat semua scorecard pribadi di latar belakang",
    "Employee %(n)d of %(total)d": "Pegawai %(n)d dari %(total)d",
    "Your answers so far agree with each other (consistency ratio %(cr)s).":
        "Jawaban Anda sejauh ini saling sesuai (rasio konsistensi %(cr)s).",
    "Some answers contradict each other (consistency ratio %(cr)s): you may look again before saving.":
        "Beberapa jawaban saling bertentangan (rasio konsistensi %(cr)s): Anda dapat memeriksanya lagi sebelum menyimpan.",
    "Other systems read scorecards, rounds and results and add participants through the JSON API described at":
        "Sistem lain membaca scorecard, putaran dan hasil serta menambah peserta melalui API JSON yang dijelaskan di",
    "Copy this token now; it is not shown again:": "Salin token ini sekarang; token tidak ditampilkan lagi:",
    "Made": "Dibuat", "revoked": "dicabut", "Revoke": "Cabut", "No tokens yet.": "Belum ada token.",
    "Make a token": "Buat token", "Revoked.": "Dicabut.",
    "About you": "Tentang Anda", "Continue": "Lanjutkan", "Start": "Mulai",
    "This round asks for a value for every pair.": "Putaran ini meminta nilai untuk setiap pasangan.",
    "Choose a value on the 1-9 scale.": "Pilih nilai pada skala 1-9.",
    "The form does not match this page; reload it.": "Formulir tidak sesuai dengan halaman ini; muat ulang halaman.",
    "You kept your answers: please say why, in a few words.": "Anda mempertahankan jawaban: mohon tuliskan alasannya secara singkat.",
    "This round is closed: answers are no longer accepted.": "Putaran ini sudah ditutup: jawaban tidak lagi diterima.",
    "The form has expired; reload the page.": "Formulir sudah kedaluwarsa; muat ulang halaman.",
    "This version is used by a survey round and cannot change; copy it to revise it.":
        "Versi ini dipakai oleh putaran survei dan tidak dapat diubah; salin untuk merevisinya.",
    "This page was just saved from another window; reload it.":
        "Halaman ini baru saja disimpan dari jendela lain; muat ulang halaman.",
    "Try again": "Coba lagi",
    "Please try again in a moment": "Silakan coba lagi sebentar lagi",
    "The database did not answer just now, so this page was not saved. Your earlier answers are safe: go back and send the page again in a few seconds.":
        "Basis data tidak menjawab barusan, jadi halaman ini belum tersimpan. Jawaban Anda sebelumnya aman: "
        "kembali dan kirim halaman itu lagi beberapa detik lagi.",
    "Reports made in the background": "Laporan yang dibuat di latar belakang",
    "Asked by": "Diminta oleh",
    # Messages of the services (field, row and page errors), some with values put back after translation.
    "An organisation needs a name.": "Organisasi perlu nama.",
    "Enter a valid email address.": "Masukkan alamat email yang benar.",
    "Role must be one of %(roles)s.": "Peran harus salah satu dari %(roles)s.",
    "Use at least 10 characters.": "Gunakan paling sedikit 10 karakter.",
    "A user with this email already exists.": "Pengguna dengan email ini sudah ada.",
    "Name the token after the system that will use it.": "Beri nama token sesuai sistem yang akan memakainya.",
    "No such token.": "Token tidak ditemukan.",
    "%(field)s: at most %(limit)s characters.": "%(field)s: paling banyak %(limit)s karakter.",
    "Personal scorecards come from self-report rounds.": "Scorecard pribadi berasal dari putaran laporan mandiri.",
    "Name is required.": "Nama wajib diisi.",
    "'%(email)s' is not an email address.": "'%(email)s' bukan alamat email.",
    "%(email)s is already on the list.": "%(email)s sudah ada dalam daftar.",
    "Kind must be %(kinds)s.": "Jenis harus %(kinds)s.",
    "Weight '%(weight)s' must be a positive number.": "Bobot '%(weight)s' harus berupa bilangan positif.",
    "Give target/actual columns for measurements, or level columns 0 ... 10 for ladders.":
        "Sertakan kolom target/actual untuk pengukuran, atau kolom level 0 ... 10 untuk skala.",
    "level %(level)s": "level %(level)s",
    "'%(kpi)s' is not a KPI code of this scorecard.": "'%(kpi)s' bukan kode IKU pada scorecard ini.",
    "Give the period, e.g. 2010.": "Isi periodenya, mis. 2010.",
    "%(kpi)s is not a KPI of this scorecard.": "%(kpi)s bukan IKU pada scorecard ini.",
    "Publish the weights of a round to this scorecard first.":
        "Terbitkan dulu bobot dari sebuah putaran ke scorecard ini.",
    "No data for period %(period)s.": "Tidak ada data untuk periode %(period)s.",
    "No KPI of period %(period)s can be scored yet.": "Belum ada IKU periode %(period)s yang dapat dinilai.",
    "Give a target, an actual or the formula's inputs.": "Isi target, realisasi, atau masukan rumusnya.",
    "%(name)s '%(value)s' is not a number.": "%(name)s '%(value)s' bukan angka.",
    "%(name)s must be a finite number.": "%(name)s harus berupa angka terhingga.",
    "no data for this period": "tidak ada data untuk periode ini",
    "no actual value": "tidak ada nilai realisasi",
    "no ladder: set one, or enter this period's target and last period's actual":
        "tidak ada skala: tetapkan skala, atau isi target periode ini dan realisasi periode lalu",
    "no ladder:": "tidak ada skala:",
    "Kind must be one of %(kinds)s.": "Jenis harus salah satu dari %(kinds)s.",
    "Write the question.": "Tuliskan pertanyaannya.",
    "%(kpi)s is not in this round's scorecard.": "%(kpi)s tidak ada dalam scorecard putaran ini.",
    "The maximum must be above the minimum.": "Nilai maksimum harus di atas nilai minimum.",
    "Write options as 'label = value' separated by ';', e.g. 0-10 minutes = 5; 11-20 minutes = 15.":
        "Tulis pilihan sebagai 'label = nilai' dipisahkan ';', mis. 0-10 menit = 5; 11-20 menit = 15.",
    "People have answered already: the questionnaire can no longer change.":
        "Sudah ada yang menjawab: kuesioner tidak dapat diubah lagi.",
    "This round has questions already.": "Putaran ini sudah memiliki pertanyaan.",
    "A weighting round asks pairwise comparisons, not questions.":
        "Putaran pembobotan menanyakan perbandingan berpasangan, bukan pertanyaan.",
    "No such answer in this round.": "Jawaban itu tidak ada dalam putaran ini.",
    "Say why the answer is corrected.": "Tuliskan mengapa jawaban dikoreksi.",
    "This round has no questions tied to KPIs.": "Putaran ini tidak memiliki pertanyaan yang terkait dengan IKU.",
    "Nobody has answered yet.": "Belum ada yang menjawab.",
    "%(kpi)s: set a ladder or a target for period %(period)s.":
        "%(kpi)s: tetapkan skala atau target untuk periode %(period)s.",
    "Every cluster needs at least one finished respondent before weights can be published.":
        "Setiap klaster memerlukan paling sedikit satu responden yang selesai sebelum bobot dapat diterbitkan.",
    "Choose a scorecard version of your organisation.": "Pilih versi scorecard milik organisasi Anda.",
    "Give the round a title.": "Beri judul untuk putaran ini.",
    "Language must be id or en.": "Bahasa harus id atau en.",
    "The CR threshold lies between 0 and 0.3 (0.10 is usual).": "Batas CR antara 0 dan 0,3 (biasanya 0,10).",
    "Random index table must be one of %(tables)s.": "Tabel indeks acak harus salah satu dari %(tables)s.",
    "Re-asks lie between 0 and %(limit)s.": "Tanya ulang antara 0 dan %(limit)s kali.",
    "Aggregation is aij or aip.": "Agregasi adalah aij atau aip.",
    "Levels are fractional, or snapped by one of %(rules)s.":
        "Level berupa pecahan, atau dibulatkan dengan salah satu dari %(rules)s.",
    "Priority method must be one of %(methods)s.": "Metode prioritas harus salah satu dari %(methods)s.",
    "Round published weights to 1-6 decimals, or leave empty for exact weights.":
        "Bulatkan bobot terbit ke 1-6 desimal, atau kosongkan untuk bobot tepat.",
    "This round is closed.": "Putaran ini sudah ditutup.",
    "Some of the chosen people are not in your organisation.": "Sebagian orang yang dipilih tidak ada dalam organisasi Anda.",
    "Give the scorecard a name.": "Beri nama untuk scorecard ini.",
    "Give the version a label, e.g. the year.": "Beri label untuk versi ini, mis. tahunnya.",
    "Give the new version a label, e.g. the year.": "Beri label untuk versi baru, mis. tahunnya.",
    "Code is required.": "Kode wajib diisi.",
    "Code %(code)s is used twice.": "Kode %(code)s dipakai dua kali.",
    "A perspective has no parent.": "Perspektif tidak memiliki induk.",
    "A %(kind)s needs a parent %(expected)s.": "Sebuah %(kind)s memerlukan induk %(expected)s.",
    "Parent %(parent)s is not defined above this row.": "Induk %(parent)s belum didefinisikan di atas baris ini.",
    "The parent of a %(kind)s must be a %(expected)s, %(parent)s is a %(parent_kind)s.":
        "Induk sebuah %(kind)s harus sebuah %(expected)s, %(parent)s adalah %(parent_kind)s.",
    "Direction must be 'higher' or 'lower'.": "Arah harus 'higher' atau 'lower'.",
    "Missing column(s): %(columns)s.": "Kolom yang kurang: %(columns)s.",
    "At most %(rows)s rows per file.": "Paling banyak %(rows)s baris per berkas.",
    "%(field)s holds an invisible control character (%(character)s); remove it.":
        "%(field)s memuat karakter kontrol tak terlihat (%(character)s); hapus karakter itu.",
    "The file unpacks to more than %(limit)s MB; split it into smaller files.":
        "Berkas terurai menjadi lebih dari %(limit)s MB; bagi menjadi beberapa berkas yang lebih kecil.",
    "row %(number)s": "baris %(number)s",
    # Errors of the analysis library about a ladder or a formula (analysis.messages.InputError).
    "formula %(formula)r is not a valid expression: %(reason)s": "rumus %(formula)r bukan ekspresi yang sah: %(reason)s",
    "formula %(formula)r calls unknown function(s) %(functions)s; available: %(available)s":
        "rumus %(formula)r memanggil fungsi yang tidak dikenal %(functions)s; yang tersedia: %(available)s",
    "formula %(formula)r uses unknown input(s) %(inputs)s": "rumus %(formula)r memakai masukan yang tidak dikenal %(inputs)s",
    "input %(name)r is missing for the previous period": "masukan %(name)r tidak ada untuk periode sebelumnya",
    "input %(name)r is missing for this period": "masukan %(name)r tidak ada untuk periode ini",
    "division by zero": "pembagian dengan nol",
    "division by zero (%(zeros)s)": "pembagian dengan nol (%(zeros)s)",
    "cannot compute %(formula)r: %(reason)s": "tidak dapat menghitung %(formula)r: %(reason)s",
    "a formula has at most %(limit)s characters": "rumus paling banyak %(limit)s karakter",
    "the exponent %(exponent)s is larger than %(limit)s": "pangkat %(exponent)s lebih besar dari %(limit)s",
    "%(formula)r gives a number too large to compute":
        "%(formula)r menghasilkan angka yang terlalu besar untuk dihitung",
    "cannot be scored:": "tidak dapat dinilai:",
    "%(formula)r gives %(result)r, not a number": "%(formula)r menghasilkan %(result)r, bukan angka",
    "ladder %(anchors)s reverses direction: values must rise (or fall) with the level":
        "skala %(anchors)s berbalik arah: nilai harus naik (atau turun) seiring levelnya",
    "ladder %(anchors)s says %(direction)s is better but better=%(better)r was given":
        "skala %(anchors)s menyatakan %(direction)s lebih baik, tetapi yang diberikan better=%(better)r",
    "ladder %(anchors)s is flat: say better='higher' or 'lower' (it then scores pass/fail)":
        "skala %(anchors)s datar: isi better='higher' atau 'lower' (lalu dinilai lulus/gagal)",
    "give the worst value, or the observed performances to take it from":
        "isi nilai terburuk, atau kinerja yang teramati untuk diambil nilainya",
    "ladder level %(level)r is not a whole number 0..10": "level skala %(level)r bukan bilangan bulat 0..10",
    "ladder value at level %(level)s must be a number, got %(value)r":
        "nilai skala pada level %(level)s harus berupa angka, bukan %(value)r",
    "a ladder needs an anchor at level %(level)s": "skala memerlukan titik acuan pada level %(level)s",
    # Weighting with any answers (issue 13)
    "Give a value here: with \"don't know\" this pair leaves %(names)s compared with none of the others.":
        "Beri nilai di sini: dengan \"tidak tahu\", pasangan ini membuat %(names)s tidak dibandingkan dengan "
        "elemen lain mana pun.",
    "Too many \"don't know\" answers: %(names)s must be compared with at least one other element, directly or "
    "through others. Give a value to one of the marked pairs.":
        "Terlalu banyak jawaban \"tidak tahu\": %(names)s harus dibandingkan dengan paling sedikit satu elemen lain, "
        "langsung atau melalui elemen lain. Beri nilai pada salah satu pasangan yang ditandai.",
    "A %(n)d-element cluster is too large for the %(table)s random index table, which stops at %(largest)d "
    "elements.":
        "Kelompok %(n)d elemen terlalu besar untuk tabel indeks acak %(table)s, yang berhenti pada %(largest)d "
        "elemen.",
    "The %(table)s random index table stops at %(largest)d elements, but %(cluster)s has %(n)d. Choose "
    "alonso_lamata, which extends to any size.":
        "Tabel indeks acak %(table)s berhenti pada %(largest)d elemen, sedangkan %(cluster)s memiliki %(n)d. "
        "Pilih alonso_lamata, yang berlaku untuk ukuran berapa pun.",
    "the perspectives": "kelompok perspektif",
    "%(unusable)d of %(finished)d respondents could not be used on this page: too many \"don't know\".":
        "%(unusable)d dari %(finished)d responden tidak dapat digunakan pada halaman ini: terlalu banyak "
        "\"tidak tahu\".",
    "Not enough answers: the usable answers never compare some element of this page with the others.":
        "Belum cukup jawaban: jawaban yang dapat digunakan tidak pernah membandingkan salah satu elemen halaman ini "
        "dengan elemen lainnya.",
    "very low": "sangat rendah", "low": "rendah", "moderate": "sedang", "high": "tinggi", "very high": "sangat tinggi",
    "relative homogeneity": "homogenitas relatif",
    "Pairs on this page: %(count)d.": "Pasangan di halaman ini: %(count)d.",
    "%(answered)s of %(total)s pairs answered, %(left)s to go.":
        "%(answered)s dari %(total)s pasangan terjawab, %(left)s lagi.",
    # Respondent pages by the round's kind; organisation time zones; answers saved from two windows.
    "This survey does not ask these questions.": "Survei ini tidak menanyakan pertanyaan-pertanyaan ini.",
    "This survey opens on %(when)s. Please come back then with the same link.":
        "Survei ini dibuka pada %(when)s. Silakan kembali pada waktu itu dengan tautan yang sama.",
    "This survey closed on %(when)s: answers are no longer accepted. Thank you for your interest.":
        "Survei ini sudah ditutup pada %(when)s: jawaban tidak lagi diterima. Terima kasih atas perhatian Anda.",
    "This survey closes on %(when)s.": "Survei ini ditutup pada %(when)s.",
    "not open yet": "belum dibuka", "opens": "dibuka", "closes": "ditutup", "Settings": "Pengaturan",
    "Time zone": "Zona waktu",
    "Answers saved from another window while this page was open were replaced by this page's answers: %(questions)s.":
        "Jawaban yang disimpan dari jendela lain selama halaman ini terbuka telah diganti dengan jawaban di halaman "
        "ini: %(questions)s.",
    "Round opening and closing times are entered and shown on this clock. In Indonesia: Asia/Jakarta (WIB), "
    "Asia/Makassar (WITA) or Asia/Jayapura (WIT).":
        "Waktu pembukaan dan penutupan putaran diisi dan ditampilkan menurut jam ini. Di Indonesia: Asia/Jakarta "
        "(WIB), Asia/Makassar (WITA), atau Asia/Jayapura (WIT).",
    "%(name)s is not a time zone: write its IANA name, e.g. Asia/Jakarta (WIB), Asia/Makassar (WITA) "
    "or Asia/Jayapura (WIT).":
        "%(name)s bukan zona waktu: tuliskan nama IANA-nya, mis. Asia/Jakarta (WIB), Asia/Makassar (WITA), "
        "atau Asia/Jayapura (WIT).",
    # Numbers typed in the page's language (issue 16)
    "%(text)s is not a number. Write numbers like %(example)s.":
        "%(text)s bukan angka. Tulis angka seperti %(example)s.",
    "%(text)s does not fit how numbers are written here (%(example)s): did you mean %(suggestion)s?":
        "%(text)s tidak sesuai dengan cara penulisan angka di sini (%(example)s): maksud Anda %(suggestion)s?",
    "%(text)s does not fit how numbers are written here. Write numbers like %(example)s.":
        "%(text)s tidak sesuai dengan cara penulisan angka di sini. Tulis angka seperti %(example)s.",
    "%(text)s is too large.": "%(text)s terlalu besar.",
    "Numbers written as text in the file look like": "Angka yang ditulis sebagai teks di berkas berbentuk",
    "%(name)s: %(problem)s": "%(name)s: %(problem)s",
    "Weight: %(problem)s": "Bobot: %(problem)s",
    # A form whose token was refused, and the error pages (errors/http_error.html)
    "Nothing was saved yet: this page had been open too long. What you entered is still here; press the button "
    "again to save it.":
        "Belum ada yang tersimpan: halaman ini terbuka terlalu lama. Isian Anda masih ada di sini; tekan tombolnya "
        "sekali lagi untuk menyimpan.",
    "This form has expired": "Formulir ini sudah kedaluwarsa",
    "Nothing was saved: the form had been open too long, or it did not come from this site. Go back, reload the "
    "page and try again.":
        "Tidak ada yang tersimpan: formulir ini terbuka terlalu lama, atau tidak berasal dari situs ini. Kembali, "
        "muat ulang halaman, lalu coba lagi.",
    "The request could not be read": "Permintaan tidak dapat dibaca",
    "Something in what your browser sent was not right, so nothing was done. Go back, reload the page and try "
    "again.":
        "Ada yang tidak benar dalam data yang dikirim peramban Anda, sehingga tidak ada yang dilakukan. Kembali, "
        "muat ulang halaman, lalu coba lagi.",
    "Not allowed": "Tidak diizinkan",
    "Your account may not open this page or do this.": "Akun Anda tidak boleh membuka halaman ini atau melakukan ini.",
    "Not possible at this address": "Tidak dapat dilakukan di alamat ini",
    "This address does not take this kind of request. Go back and use the links and buttons on the page.":
        "Alamat ini tidak menerima permintaan jenis ini. Kembali dan gunakan tautan serta tombol di halaman.",
    "Too large": "Terlalu besar",
    "What you sent is larger than the site accepts, so nothing was saved. Send a smaller file.":
        "Yang Anda kirim lebih besar daripada yang diterima situs ini, sehingga tidak ada yang tersimpan. "
        "Kirim berkas yang lebih kecil.",
    "Too many attempts": "Terlalu banyak percobaan",
    "Wait a few minutes, then try again.": "Tunggu beberapa menit, lalu coba lagi.",
    "Something went wrong on our side": "Terjadi kesalahan di pihak kami",
    "Nothing was saved from this request. Try again in a moment; if it happens again, tell your administrator.":
        "Tidak ada yang tersimpan dari permintaan ini. Coba lagi sebentar lagi; jika terjadi lagi, beri tahu "
        "administrator Anda.",
    "Something went wrong": "Terjadi kesalahan",
    "Go back and try again.": "Kembali dan coba lagi.",
    "Error %(code)d": "Galat %(code)d",
    "Emails cannot be sent: the site's public address (PUBLIC_URL) is not set, and links in emails are made only "
    "from it. Ask the administrator to set it.":
        "Email tidak dapat dikirim: alamat publik situs (PUBLIC_URL) belum diatur, padahal tautan dalam email hanya "
        "dibuat dari alamat itu. Mintalah administrator untuk mengaturnya.",
    "The address or subject is not valid for an email.": "Alamat atau subjek tidak sah untuk sebuah email.",
    "Not sent yet, tried again automatically:": "Belum terkirim, akan dicoba lagi secara otomatis:",
    "Personal link": "Tautan pribadi",
    # Given weights (issue 18)
    "The weights are": "Bobot ini adalah",
    "local weights per cluster (shared among siblings)": "bobot lokal per kelompok (dibagi di antara elemen sejajar)",
    "global weights per KPI": "bobot global per IKU",
    "Given by (e.g. the decree's number)": "Ditetapkan oleh (mis. nomor SK)",
    "Given weights": "Bobot yang ditetapkan",
    "When the weights come from a decree or are set by HR, enter them here instead of running a weighting round. Any positive numbers will do (40, 30, 30 or 0,4 0,3 0,3): local weights are shared out among siblings, global weights over all KPIs. The numbers as given are kept.":
        "Bila bobot berasal dari SK atau ditetapkan oleh bagian SDM, isikan di sini tanpa putaran pembobotan. Angka positif apa pun boleh (40, 30, 30 atau 0,4 0,3 0,3): bobot lokal dibagi di antara elemen sejajar, bobot global di antara semua IKU. Angka yang diisikan tetap disimpan.",
    "Weights now published: given by %(note)s, %(who)s.": "Bobot yang berlaku: ditetapkan oleh %(note)s, %(who)s.",
    "Weights now published: from a weighting round. Publishing given weights replaces them.":
        "Bobot yang berlaku: dari putaran pembobotan. Menerbitkan bobot yang ditetapkan akan menggantikannya.",
    "weights given by %(note)s": "bobot ditetapkan oleh %(note)s",
    "Give local weights per cluster or global weights per KPI.": "Isikan bobot lokal per kelompok atau bobot global per IKU.",
    "At most %(limit)d characters.": "Paling banyak %(limit)d karakter.",
    "This version has no elements to weight yet.": "Versi ini belum memiliki elemen untuk diberi bobot.",
    "%(code)s is not an element of this version.": "%(code)s bukan elemen versi ini.",
    "A weight is a number above 0.": "Bobot adalah angka di atas 0.",
    "Give this KPI a weight.": "Beri IKU ini bobot.",
    "Global weights are given to KPIs only.": "Bobot global hanya diberikan kepada IKU.",
    "Give this element a weight: it shares its cluster.": "Beri elemen ini bobot: elemen ini berbagi kelompok dengan elemen lain.",
    "Weights given by %(note)s.": "Bobot ditetapkan oleh %(note)s.",
    "Weights from the weighting round %(title)s.": "Bobot dari putaran pembobotan %(title)s.",
    # Users, roles and passwords (issue 15)
    "Administrator": "Administrator",
    "HR": "SDM",
    "KPI owner": "Pemilik IKU",
    "Viewer": "Pembaca",
    "New password (at least 10 characters)": "Kata sandi baru (sekurang-kurangnya 10 karakter)",
    "The new password again": "Kata sandi baru sekali lagi",
    "The two passwords differ.": "Kedua kata sandi tidak sama.",
    "Current password": "Kata sandi saat ini",
    "Owner": "Pemilik",
    "Your password is changed. Other places where you were signed in are signed out.":
        "Kata sandi Anda sudah diubah. Sesi Anda di tempat lain sudah diakhiri.",
    "Your password is set. Sign in with your email address and the new password.":
        "Kata sandi Anda sudah ditetapkan. Masuklah dengan alamat email Anda dan kata sandi baru itu.",
    "nobody (HR enters its data)": "tidak ada (SDM yang mengisi datanya)",
    "%(email)s is invited: the email with their set-password link is on its way.":
        "%(email)s sudah diundang: email berisi tautan untuk menetapkan kata sandinya sedang dikirim.",
    "Disabled: the user is signed out and cannot sign in.":
        "Dinonaktifkan: pengguna ini sudah dikeluarkan dan tidak dapat masuk.",
    "Enabled again.": "Diaktifkan kembali.",
    "A new set-password link is on its way.": "Tautan baru untuk menetapkan kata sandi sedang dikirim.",
    "There is no organisation %(id)s.": "Tidak ada organisasi %(id)s.",
    "You may enter data only for the KPIs assigned to you.":
        "Anda hanya boleh mengisi data untuk IKU yang ditugaskan kepada Anda.",
    "There is no KPI %(code)s in this version.": "Tidak ada IKU %(code)s dalam versi ini.",
    "Only active users with the KPI owner role can be given a KPI.":
        "Hanya pengguna aktif dengan peran pemilik IKU yang dapat diberi IKU.",
    "The organisation needs at least one active administrator: make another user an administrator first.":
        "Organisasi memerlukan sekurang-kurangnya satu administrator aktif: jadikan pengguna lain administrator "
        "terlebih dahulu.",
    "This link has been used, has expired or is not valid. Ask for a new one.":
        "Tautan ini sudah digunakan, sudah kedaluwarsa, atau tidak sah. Mintalah tautan yang baru.",
    "This is not your current password.": "Ini bukan kata sandi Anda saat ini.",
    "There is no user with the email %(email)s.": "Tidak ada pengguna dengan email %(email)s.",
    "Your Neraca account at %(organisation)s": "Akun Neraca Anda di %(organisation)s",
    "%(inviter)s has made you a Neraca account at %(organisation)s. Choose your password with this link, within "
    "%(hours)d hours; it works once:":
        "%(inviter)s telah membuatkan akun Neraca untuk Anda di %(organisation)s. Tetapkan kata sandi Anda melalui "
        "tautan ini dalam %(hours)d jam; tautan ini hanya berlaku sekali:",
    "Then sign in with your email address, %(email)s.": "Setelah itu, masuklah dengan alamat email Anda, %(email)s.",
    "Choose a new Neraca password": "Tetapkan kata sandi Neraca yang baru",
    "Someone asked for a new password for your Neraca account. Choose it with this link, within %(hours)d hours; "
    "it works once:":
        "Ada permintaan kata sandi baru untuk akun Neraca Anda. Tetapkan kata sandi itu melalui tautan ini dalam "
        "%(hours)d jam; tautan ini hanya berlaku sekali:",
    "If you did not ask for it, ignore this email: your password stays as it is.":
        "Jika Anda tidak memintanya, abaikan email ini: kata sandi Anda tidak berubah.",
    "Users": "Pengguna",
    "Change your password": "Ubah kata sandi Anda",
    "Everywhere else you are signed in will be signed out.": "Sesi Anda di tempat lain akan diakhiri.",
    "Change password": "Ubah kata sandi",
    "Role in Neraca": "Peran di Neraca",
    "Forgot your password?": "Lupa kata sandi?",
    "Enter the email address you sign in with. If it has an account, a link to choose a new password is sent to it.":
        "Masukkan alamat email yang Anda gunakan untuk masuk. Jika alamat itu memiliki akun, tautan untuk "
        "menetapkan kata sandi baru akan dikirim ke alamat tersebut.",
    "Send the link": "Kirim tautan",
    "Check your email": "Periksa email Anda",
    "If this address has an account, an email with a link to choose a new password is on its way. The link works "
    "once, within a few hours. Nothing arrived? Check the spam folder, or ask your administrator.":
        "Jika alamat ini memiliki akun, email berisi tautan untuk menetapkan kata sandi baru sedang dikirim. Tautan "
        "itu hanya berlaku sekali, dalam beberapa jam. Tidak ada yang masuk? Periksa folder spam, atau hubungi "
        "administrator Anda.",
    "This link cannot be used": "Tautan ini tidak dapat digunakan",
    "Choose your password": "Tetapkan kata sandi Anda",
    "Save password": "Simpan kata sandi",
    "KPI owners": "Pemilik IKU",
    "A KPI owner enters the targets, actuals and root causes of the KPIs given to them, and no others.":
        "Pemilik IKU mengisi target, realisasi, dan akar masalah IKU yang ditugaskan kepadanya, dan tidak yang lain.",
    "No KPI has an owner yet.": "Belum ada IKU yang memiliki pemilik.",
    "Who signs in to Neraca for this organisation. Administrators manage users, API tokens and settings; HR runs "
    "scorecards, rounds, people and reports; a KPI owner enters the data of the KPIs given to them; a viewer reads "
    "scorecards and reports.":
        "Siapa saja yang masuk ke Neraca untuk organisasi ini. Administrator mengelola pengguna, token API, dan "
        "pengaturan; SDM mengelola scorecard, putaran survei, orang, dan laporan; pemilik IKU mengisi data IKU yang "
        "ditugaskan kepadanya; pembaca membaca scorecard dan laporan.",
    "Change": "Ubah",
    "disabled": "nonaktif",
    "invited, no password yet": "diundang, belum ada kata sandi",
    "active": "aktif",
    "Disable": "Nonaktifkan",
    "Send a set-password link": "Kirim tautan kata sandi",
    "Enable": "Aktifkan",
    "Invite a colleague": "Undang rekan kerja",
    "Personal scorecards are shown to HR only.": "Scorecard pribadi hanya ditampilkan kepada SDM.",
    "They get an email with a link to choose their password. The link works once, within %(hours)d hours.":
        "Ia akan menerima email berisi tautan untuk menetapkan kata sandinya. Tautan itu hanya berlaku sekali, "
        "dalam %(hours)d jam.",
    # WTForms' own messages (survey/form_messages.py): WTForms ships no Indonesian catalog.
    "This field is required.": "Kolom ini wajib diisi.", "Invalid input.": "Isian tidak sah.",
    "Not a valid choice.": "Pilihan tidak sah.", "Invalid Choice: could not coerce.": "Pilihan tidak sah.",
    "Not a valid integer value.": "Bukan bilangan bulat yang sah.", "Not a valid float value.": "Bukan angka yang sah.",
    "Not a valid decimal value.": "Bukan angka desimal yang sah.",
    "Not a valid datetime value.": "Bukan tanggal dan jam yang sah.", "Not a valid date value.": "Bukan tanggal yang sah.",
    "Invalid email address.": "Alamat email tidak sah.",
    "Number must be at least %(min)s.": "Angka paling kecil %(min)s.",
    "Number must be at most %(max)s.": "Angka paling besar %(max)s.",
    "Number must be between %(min)s and %(max)s.": "Angka harus antara %(min)s dan %(max)s.",
    "Field must be at least %(min)d character long.": "Isian paling sedikit %(min)d karakter.",
    "Field must be at least %(min)d characters long.": "Isian paling sedikit %(min)d karakter.",
    "Field cannot be longer than %(max)d character.": "Isian paling banyak %(max)d karakter.",
    "Field cannot be longer than %(max)d characters.": "Isian paling banyak %(max)d karakter.",
    "Field must be between %(min)d and %(max)d characters long.": "Isian harus antara %(min)d dan %(max)d karakter.",
    "The CSRF token is missing.": "Token keamanan formulir tidak ada.",
    "The CSRF token is invalid.": "Token keamanan formulir tidak sah.",
    "The CSRF token has expired.": "Token keamanan formulir sudah kedaluwarsa.",
    "The CSRF tokens do not match.": "Token keamanan formulir tidak cocok.",
    "Work unit": "Unit kerja",
    "Saaty (1980)": "Saaty (1980)", "Alonso & Lamata (2006)": "Alonso & Lamata (2006)",
    "Donegan & Dodd (1991)": "Donegan & Dodd (1991)",
    "waiting to be sent": "menunggu dikirim", "being sent": "sedang dikirim",
    "waiting to be tried again": "menunggu dicoba lagi", "kept here (no mail server)": "disimpan di sini (tanpa server email)",
    "not sent: the participant was removed": "tidak dikirim: peserta dikeluarkan",
    "number": "angka", "choice over ranges": "pilihan rentang", "yes / no": "ya / tidak",
    "overall verdict": "penilaian keseluruhan",
    "The file could not be read as an XLSX workbook: open it in the spreadsheet program and save it again as .xlsx.":
        "Berkas tidak dapat dibaca sebagai buku kerja XLSX: buka di program lembar kerja lalu simpan ulang sebagai .xlsx.",
    "The file could not be read as CSV: write one row per line, the columns separated by commas or semicolons, "
    "the first row naming the columns.":
        "Berkas tidak dapat dibaca sebagai CSV: tulis satu baris per baris teks, kolom dipisahkan koma atau titik koma, "
        "dan baris pertama berisi nama kolom.",
    "Overall, is this scorecard valid?": "Secara keseluruhan, apakah scorecard ini layak dipakai?",
    # Capaian kinerja and predikat bands (analysis/predikat.py, survey/services/bands.py, hr/settings.html)
    "Rating": "Predikat", "Share of target": "Capaian kinerja", "Of target": "Capaian",
    "Employees per rating": "Jumlah pegawai per predikat", "Rating bands (predikat)": "Rentang predikat",
    "The predikat of a KPI's capaian kinerja (realisasi against target, in percent), of the office's index and of each "
    "employee's total (both as a percentage of level 10). Best first: each band starts at its lower bound; the "
    "last one also takes everything below. Leave rows empty to use fewer bands.":
        "Predikat capaian kinerja sebuah IKU (realisasi terhadap target, dalam persen), indeks kantor dan total setiap "
        "pegawai (keduanya sebagai persentase dari tingkat 10). Dari yang terbaik: setiap rentang dimulai dari batas "
        "bawahnya; rentang terakhir juga mencakup semua nilai di bawahnya. Kosongkan baris untuk memakai lebih sedikit "
        "rentang.",
    "From (percent)": "Mulai dari (persen)", "Name in Indonesian": "Nama dalam bahasa Indonesia",
    "Name in English": "Nama dalam bahasa Inggris", "Preset": "Pilihan siap pakai",
    "Start from a preset": "Mulai dari pilihan siap pakai", "Use this preset": "Pakai pilihan ini",
    "LKjIP district: 91 Sangat Baik, 76 Baik, 66 Cukup, 51 Kurang, else Sangat Kurang":
        "LKjIP kabupaten: 91 Sangat Baik, 76 Baik, 66 Cukup, 51 Kurang, selebihnya Sangat Kurang",
    "PermenPANRB 6/2022 appraisal: 91 Sangat Baik, 76 Baik, 61 Butuh Perbaikan, 51 Kurang, else Sangat Kurang":
        "Penilaian PermenPANRB 6/2022: 91 Sangat Baik, 76 Baik, 61 Butuh Perbaikan, 51 Kurang, selebihnya Sangat Kurang",
    "Traffic lights": "Lampu lalu lintas", "Red below level": "Merah di bawah tingkat",
    "Yellow below level": "Kuning di bawah tingkat",
    "On the OMAX levels 0 to 10: a KPI, the index or a total is red below the first level, yellow below the second "
    "and green from there.":
        "Pada tingkat OMAX 0 sampai 10: sebuah IKU, indeks atau total berwarna merah di bawah tingkat pertama, kuning "
        "di bawah tingkat kedua dan hijau mulai dari situ.",
    "Give the lower bound of %(label)s.": "Isi batas bawah %(label)s.",
    "A predikat's name has at most %(most)s characters.": "Nama predikat paling banyak %(most)s karakter.",
    "Choose one of the presets.": "Pilih salah satu pilihan siap pakai.",
    "Red must end below yellow, both between 0 and 10, e.g. 4 and 8.":
        "Batas merah harus di bawah batas kuning, keduanya antara 0 dan 10, mis. 4 dan 8.",
    "give between 2 and %(most)s predikat bands": "isi antara 2 dan %(most)s rentang predikat",
    "the lower bound of %(label)s is not a number": "batas bawah %(label)s bukan angka",
    "the band from %(lower)s needs its name in Indonesian and in English":
        "rentang mulai %(lower)s perlu nama dalam bahasa Indonesia dan bahasa Inggris",
    "list the bands best first: %(worse)s must start below %(better)s":
        "urutkan rentang dari yang terbaik: %(worse)s harus dimulai di bawah %(better)s",
    # Changing one's mind (issue 15): rounds, confirmations, the audit log
    "%(completed)d of %(invited)d participants have finished.": "%(completed)d dari %(invited)d peserta telah selesai.",
    "Once closed, nobody can answer; you can reopen the round later.":
        "Setelah ditutup, tidak ada yang dapat menjawab; Anda dapat membuka kembali putaran ini nanti.",
    "Close the round %(title)s?": "Tutup putaran %(title)s?",
    "Round closed.": "Putaran ditutup.",
    "Round reopened: it takes answers again.": "Putaran dibuka kembali: jawaban diterima lagi.",
    "Closing time changed.": "Waktu penutupan diubah.",
    "No such participant in this round.": "Tidak ada peserta tersebut dalam putaran ini.",
    "Their answers stay on record but no longer count in the results, the progress or reminders.":
        "Jawabannya tetap tercatat, tetapi tidak lagi dihitung dalam hasil, kemajuan, maupun pengingat.",
    "Their link stops taking answers. This cannot be undone.":
        "Tautannya tidak lagi menerima jawaban. Tindakan ini tidak dapat dibatalkan.",
    "Remove %(name)s from %(title)s?": "Keluarkan %(name)s dari %(title)s?",
    "Remove from the round": "Keluarkan dari putaran",
    "Removed from the round; their answers stay on record.": "Dikeluarkan dari putaran; jawabannya tetap tercatat.",
    "Weights published": "Bobot diterbitkan", "Round closed": "Putaran ditutup",
    "Round reopened": "Putaran dibuka kembali", "Closing date changed": "Tanggal penutupan diubah",
    "Answer corrected": "Jawaban dikoreksi", "Invitations sent": "Undangan dikirim",
    "Participant removed": "Peserta dikeluarkan", "Person edited": "Data orang diubah",
    "Person deactivated": "Orang dinonaktifkan", "Person reactivated": "Orang diaktifkan kembali",
    "Scorecard element edited": "Elemen scorecard diubah", "Scorecard element deleted": "Elemen scorecard dihapus",
    "API token made": "Token API dibuat", "API token revoked": "Token API dicabut", "User changed": "Pengguna diubah",
    "%(names)s cannot be invited: deactivated.": "%(names)s tidak dapat diundang: sudah dinonaktifkan.",
    "This round is open already.": "Putaran ini sudah dibuka.",
    "Its closing time has passed: set a later closing time first.":
        "Waktu penutupannya sudah lewat: tetapkan dahulu waktu penutupan yang lebih lambat.",
    "%(name)s was removed already.": "%(name)s sudah dikeluarkan.",
    "Audit log": "Log audit",
    "Who published, closed, reopened, corrected, removed, invited or made a token, and when. Entries cannot be "
    "changed or deleted.":
        "Siapa yang menerbitkan, menutup, membuka kembali, mengoreksi, mengeluarkan, mengundang, atau membuat token, "
        "dan kapan. Catatan tidak dapat diubah atau dihapus.",
    "Filter": "Saring", "Export as CSV": "Ekspor sebagai CSV", "When": "Waktu", "Subject": "Subjek",
    "Details": "Rincian", "No entries.": "Belum ada catatan.",
    "Page %(number)d of %(pages)d (%(total)d entries)": "Halaman %(number)d dari %(pages)d (%(total)d catatan)",
    "Newer": "Lebih baru", "Older": "Lebih lama", "Closing time": "Waktu penutupan",
    "On the office's clock (%(zone)s). Leave it empty for a round without a closing time.":
        "Menurut jam kantor (%(zone)s). Kosongkan untuk putaran tanpa waktu penutupan.",
    "Change the closing time": "Ubah waktu penutupan", "Back to the round": "Kembali ke putaran", "Cancel": "Batal",
    "Publish the weights?": "Terbitkan bobot?", "Publish the weights of %(title)s?": "Terbitkan bobot %(title)s?",
    "The round is still open: answers that come later will not be in the published weights.":
        "Putaran masih dibuka: jawaban yang masuk kemudian tidak akan termasuk dalam bobot yang diterbitkan.",
    "Publishing writes these weights to the scorecard %(version)s, replacing the weights it has now.":
        "Penerbitan menuliskan bobot ini ke scorecard %(version)s, menggantikan bobot yang ada sekarang.",
    "Group CR": "CR kelompok", "above the threshold": "di atas batas", "within the threshold": "dalam batas",
    "Back to the results": "Kembali ke hasil", "Reopen the round": "Buka kembali putaran", "Remove": "Keluarkan",
    "Removed from the round": "Dikeluarkan dari putaran",
    "Their answers stay on record but do not count in the results.":
        "Jawaban mereka tetap tercatat, tetapi tidak dihitung dalam hasil.",
    "removed": "dikeluarkan", "Action": "Tindakan", "Who": "Oleh", "From": "Dari", "Until": "Sampai",
    "Every action": "Semua tindakan", "Everyone": "Semua orang",
    "The end date comes before the start date.": "Tanggal akhir mendahului tanggal awal.",
    # People: edit, deactivate, import updates
    "People imported": "Orang diimpor",
    "Added %(added)d people, updated %(updated)d.": "%(added)d orang ditambahkan, %(updated)d diperbarui.",
    "%(name)s can be invited again.": "%(name)s dapat diundang lagi.",
    "%(name)s is deactivated: kept in past rounds, no longer offered for invitations.":
        "%(name)s dinonaktifkan: tetap tercatat di putaran sebelumnya, tidak lagi ditawarkan untuk diundang.",
    "%(name)s is active already.": "%(name)s sudah aktif.",
    "%(name)s is deactivated already.": "%(name)s sudah dinonaktifkan.",
    "No such person in your organisation.": "Tidak ada orang tersebut dalam organisasi Anda.",
    "Deactivated: kept in past rounds, no longer offered for invitations.":
        "Dinonaktifkan: tetap tercatat di putaran sebelumnya, tidak lagi ditawarkan untuk diundang.",
    "Back to the people": "Kembali ke daftar orang", "deactivated": "nonaktif", "Reactivate": "Aktifkan kembali",
    "Deactivate": "Nonaktifkan",
    # Keep reasons reach HR
    "Reasons for keeping inconsistent answers": "Alasan mempertahankan jawaban yang tidak konsisten",
    "Respondent": "Responden",
    # Inviting and the outbox
    "Recipient or subject contains": "Penerima atau subjek memuat", "Every status": "Semua status",
    "Invite %(count)d people to %(title)s?": "Undang %(count)d orang ke %(title)s?",
    "Each gets an email with a personal link to the round.":
        "Masing-masing menerima email berisi tautan pribadi ke putaran ini.",
    "Send %(count)d invitations": "Kirim %(count)d undangan", "Every kind": "Semua jenis", "Any": "Semua",
    "Name, email or phone contains": "Nama, email, atau telepon memuat", "Show": "Tampilkan",
    "Invite the people ticked": "Undang orang yang dicentang",
    "Nobody else to invite matches.": "Tidak ada lagi orang yang cocok untuk diundang.",
    # Scorecard elements: edit, move, delete
    "This version is used by the survey round %(rounds)s and cannot change: its answers refer to its elements. "
    "Copy it to revise it.":
        "Versi ini dipakai oleh putaran survei %(rounds)s dan tidak dapat diubah: jawabannya merujuk ke elemen-elemennya. "
        "Salin versi ini untuk merevisinya.",
    "No such element in this version.": "Tidak ada elemen tersebut dalam versi ini.",
    "Move an element up or down.": "Pindahkan elemen ke atas atau ke bawah.",
    "%(code)s cannot be deleted: %(references)s refer to it or to an element below it. Remove those first.":
        "%(code)s tidak dapat dihapus: %(references)s merujuk kepadanya atau ke elemen di bawahnya. Hapus semua itu "
        "terlebih dahulu.",
    "%(n)d target and actual rows": "%(n)d baris target dan realisasi", "%(n)d ladders": "%(n)d tangga skor",
    "%(n)d root causes and actions": "%(n)d akar masalah dan tindakan",
    "%(n)d strategy map links": "%(n)d tautan peta strategi", "%(first)s, %(next)s": "%(first)s, %(next)s",
    "These elements below it are deleted with it:": "Elemen-elemen di bawahnya ini ikut terhapus:",
    "Nothing lies below it.": "Tidak ada elemen di bawahnya.", "This cannot be undone.": "Tindakan ini tidak dapat dibatalkan.",
    "Delete %(code)s %(name)s?": "Hapus %(code)s %(name)s?", "Delete": "Hapus", "Deleted %(codes)s.": "%(codes)s dihapus.",
    "Copy this version to revise it": "Salin versi ini untuk merevisinya",
    "Back to the scorecard": "Kembali ke scorecard", "Move up": "Pindahkan ke atas", "Move down": "Pindahkan ke bawah",
    # Draft rounds
    "Only a draft's settings can change; this round is launched.":
        "Hanya pengaturan draf yang dapat diubah; putaran ini sudah diluncurkan.",
    "This round is launched already.": "Putaran ini sudah diluncurkan.",
    "This round is a draft: launch it first.": "Putaran ini masih draf: luncurkan terlebih dahulu.",
    "Draft round changed": "Draf putaran diubah", "Round launched": "Putaran diluncurkan",
    "Keep it as a draft: settings stay editable and nothing is sent until you launch it":
        "Simpan sebagai draf: pengaturan tetap dapat diubah dan tidak ada yang dikirim sampai Anda meluncurkannya",
    "Settings of %(title)s": "Pengaturan %(title)s",
    "Round launched: you can invite people now.": "Putaran diluncurkan: sekarang Anda dapat mengundang orang.",
    "draft": "draf",
    "This round is a draft: its settings can still change, and nobody can be invited until you launch it.":
        "Putaran ini masih draf: pengaturannya masih dapat diubah, dan belum ada yang dapat diundang sampai Anda "
        "meluncurkannya.",
    "Change the settings": "Ubah pengaturan", "Launch the round": "Luncurkan putaran",
    # issue 17: honest partial scorecards
    "Provisional: %(scored)d of %(total)d KPIs scored.": "Sementara: %(scored)d dari %(total)d IKU dinilai.",
    "The index adds up the scored KPIs only and gets no light until every weighted KPI is scored.":
        "Indeks hanya menjumlahkan IKU yang sudah dinilai dan belum diberi warna sampai setiap IKU berbobot dinilai.",
    "provisional": "sementara", "What is missing": "Yang belum lengkap", "Missing": "Belum ada", "Fix": "Lengkapi",
    "target": "target", "actual": "realisasi", "ladder": "tangga skor",
    "No scored KPI is red or yellow.": "Tidak ada IKU yang sudah dinilai berwarna merah atau kuning.",
    # issue 17: charts
    "Index": "Indeks", "Index and perspectives over the periods": "Indeks dan perspektif dari periode ke periode",
    "Level of %(kpi)s over the periods": "Tingkat %(kpi)s dari periode ke periode",
    "Weights of %(page)s": "Bobot %(page)s",
    # issue 17: strategy map
    "Strategy map": "Peta strategi", "Lights of period %(period)s": "Warna periode %(period)s",
    "No performance data yet: the objectives have no light.": "Belum ada data kinerja: sasaran belum diberi warna.",
    "An objective's light is that of the weighted mean level of its scored KPIs. An arrow reads: the first objective drives the second.":
        "Warna sebuah sasaran mengikuti rata-rata tertimbang tingkat IKU-nya yang sudah dinilai. Panah berarti: sasaran pertama mendorong sasaran kedua.",
    "Cause and effect": "Sebab dan akibat", "Remove the arrow": "Hapus panah", "No arrows yet.": "Belum ada panah.",
    "Add an arrow": "Tambah panah", "Arrow added.": "Panah ditambahkan.", "Arrow removed.": "Panah dihapus.",
    "Objective that drives": "Sasaran yang mendorong", "Objective it drives": "Sasaran yang didorong",
    "'%(code)s' is not an objective of this scorecard.": "'%(code)s' bukan sasaran strategis scorecard ini.",
    "An objective cannot drive itself.": "Sebuah sasaran tidak dapat mendorong dirinya sendiri.",
    "%(cause)s already drives %(effect)s.": "%(cause)s sudah mendorong %(effect)s.",
    "This arrow is no longer on the map.": "Panah ini sudah tidak ada di peta.",
    "Summary": "Ringkasan",
    # issue 17: pages per kind, defaults and ways back
    "You finished this survey on %(when)s.": "Anda telah menyelesaikan survei ini pada %(when)s.",
    "You may still change your answers until it closes on %(when)s.":
        "Anda masih dapat mengubah jawaban sampai survei ditutup pada %(when)s.",
    "You may still change your answers until HR closes the survey.":
        "Anda masih dapat mengubah jawaban sampai bagian SDM menutup survei.",
    "Please report your own performance: type a number for each question, in the unit shown beside it.":
        "Laporkan kinerja Anda sendiri: ketik angka untuk setiap pertanyaan, dalam satuan yang tertera di sampingnya.",
    "Please say for each objective and KPI whether it is relevant for the office, then give your overall verdict on the scorecard.":
        "Nyatakan untuk setiap sasaran dan IKU apakah relevan bagi kantor, lalu berikan penilaian Anda atas scorecard secara keseluruhan.",
    "Please say how satisfied you are with each point, from 1 (very dissatisfied) to 5 (very satisfied).":
        "Nyatakan seberapa puas Anda dengan setiap hal, dari 1 (sangat tidak puas) sampai 5 (sangat puas).",
    "Parent %(parent)s is not in this scorecard: add it first.": "Induk %(parent)s belum ada di scorecard ini: tambahkan dahulu.",
    # issue 17: import templates
    "Start from a template": "Mulai dari templat", "measurements": "target dan realisasi", "ladders": "tangga skor",
    "There is no template for %(kind)s.": "Tidak ada templat untuk %(kind)s.",
    "Given weights published": "Bobot yang ditetapkan diterbitkan",
    # issue 19: the SKM questionnaire of PermenPANRB 14/2017 and the IKM
    "Open answer (not scored)": "Jawaban terbuka (tidak dinilai)",
    "open answer (not scored)": "jawaban terbuka (tidak dinilai)",
    "Services the unit offers (separated by ;)": "Jenis layanan unit (dipisahkan dengan ;)",
    "People served in the period": "Jumlah orang yang dilayani dalam periode",
    "%(count)d questions of the SKM questionnaire created.": "%(count)d pertanyaan kuesioner SKM dibuat.",
    "Name the services the unit offers, separated by ';'.": "Sebutkan jenis layanan unit, dipisahkan dengan ';'.",
    "The IKM is saved as the actual of %(kpi)s for %(period)s.":
        "IKM disimpan sebagai realisasi %(kpi)s untuk periode %(period)s.",
    "IKM entered as a KPI's actual": "IKM dicatat sebagai realisasi IKU",
    "Write at most %(most)d characters.": "Tulis paling banyak %(most)d karakter.",
    "An open answer is the respondent's own words: it is never corrected.":
        "Jawaban terbuka adalah kata-kata responden sendiri: jawaban ini tidak pernah dikoreksi.",
    "Not suitable": "Tidak sesuai", "Less suitable": "Kurang sesuai", "Suitable": "Sesuai",
    "Very suitable": "Sangat sesuai", "Requirements": "Persyaratan",
    "How well do the service's requirements fit the kind of service?":
        "Bagaimana pendapat Saudara tentang kesesuaian persyaratan pelayanan dengan jenis pelayanannya?",
    "Systems, mechanisms and procedures": "Sistem, mekanisme, dan prosedur",
    "How easy is the service procedure at this unit?":
        "Bagaimana pemahaman Saudara tentang kemudahan prosedur pelayanan di unit ini?",
    "Not easy": "Tidak mudah", "Less easy": "Kurang mudah", "Easy": "Mudah", "Very easy": "Sangat mudah",
    "Completion time": "Waktu penyelesaian",
    "How fast is the service delivered?": "Bagaimana pendapat Saudara tentang kecepatan waktu dalam memberikan pelayanan?",
    "Not fast": "Tidak cepat", "Less fast": "Kurang cepat", "Fast": "Cepat", "Very fast": "Sangat cepat",
    "Costs/tariffs": "Biaya/tarif",
    "How fair is the cost or tariff of the service?":
        "Bagaimana pendapat Saudara tentang kewajaran biaya/tarif dalam pelayanan?",
    "Very expensive": "Sangat mahal", "Fairly expensive": "Cukup mahal", "Cheap": "Murah", "Free of charge": "Gratis",
    "Service products (specification, kind of service)": "Produk spesifikasi jenis pelayanan",
    "How well does the product of the service match what the service standard states?":
        "Bagaimana pendapat Saudara tentang kesesuaian produk pelayanan antara yang tercantum dalam standar "
        "pelayanan dengan hasil yang diberikan?",
    "Competence of the staff": "Kompetensi pelaksana",
    "How competent are the staff in serving?":
        "Bagaimana pendapat Saudara tentang kompetensi/kemampuan petugas dalam pelayanan?",
    "Not competent": "Tidak kompeten", "Less competent": "Kurang kompeten", "Competent": "Kompeten",
    "Very competent": "Sangat kompeten", "Behaviour of the staff": "Perilaku pelaksana",
    "How courteous and friendly are the staff in serving?":
        "Bagaimana pendapat Saudara tentang perilaku petugas dalam pelayanan terkait kesopanan dan keramahan?",
    "Not courteous and friendly": "Tidak sopan dan ramah", "Less courteous and friendly": "Kurang sopan dan ramah",
    "Courteous and friendly": "Sopan dan ramah", "Very courteous and friendly": "Sangat sopan dan ramah",
    "Facilities and infrastructure": "Sarana dan prasarana",
    "What is the quality of the facilities and infrastructure?":
        "Bagaimana pendapat Saudara tentang kualitas sarana dan prasarana?",
    "Poor facilities": "Buruk", "Adequate facilities": "Cukup", "Good facilities": "Baik",
    "Very good facilities": "Sangat baik",
    "Handling of complaints, suggestions and feedback": "Penanganan pengaduan, saran, dan masukan",
    "How are users' complaints handled?": "Bagaimana pendapat Saudara tentang penanganan pengaduan pengguna layanan?",
    "There is no complaint handling": "Tidak ada", "It exists but does not work": "Ada tetapi tidak berfungsi",
    "It works, not fully": "Berfungsi kurang maksimal", "It is well managed": "Dikelola dengan baik",
    "Age": "Umur", "Under 20 years": "Di bawah 20 tahun", "20–29 years": "20–29 tahun", "30–39 years": "30–39 tahun",
    "40–49 years": "40–49 tahun", "50–59 years": "50–59 tahun", "60 years or over": "60 tahun ke atas",
    "Sex": "Jenis kelamin", "Male": "Laki-laki", "Female": "Perempuan", "Education": "Pendidikan",
    "Primary school or less": "SD ke bawah", "Junior high school": "SMP", "Senior high school": "SMA",
    "Diploma (D1–D4)": "Diploma (D1–D4)", "Bachelor (S1)": "Sarjana (S1)",
    "Master or doctorate (S2/S3)": "Pascasarjana (S2/S3)", "Occupation": "Pekerjaan", "Civil servant": "PNS",
    "Armed forces": "TNI", "Police": "POLRI", "Private employee": "Pegawai swasta", "Self-employed": "Wirausaha",
    "Other occupation": "Lainnya", "Service received": "Jenis layanan yang diterima", "Other service": "Layanan lainnya",
    "Your suggestions for improving the service (optional)": "Saran dan masukan Anda untuk perbaikan pelayanan (tidak wajib)",
    "Very good": "Sangat Baik", "Good": "Baik", "Less than good": "Kurang Baik", "Not good": "Tidak Baik",
    "The SKM questionnaire is for satisfaction rounds.": "Kuesioner SKM hanya untuk putaran survei kepuasan.",
    "Name at most %(most)d services, each in at most 200 characters.":
        "Sebutkan paling banyak %(most)d jenis layanan, masing-masing paling banyak 200 karakter.",
    "This round has no SKM questionnaire: create it on the round's page.":
        "Putaran ini belum memiliki kuesioner SKM: buat di halaman putaran.",
    "The population served is a whole number of at least 1.":
        "Jumlah orang yang dilayani adalah bilangan bulat paling sedikit 1.",
    "Nobody has answered every unsur yet: there is no IKM to enter.":
        "Belum ada yang menjawab semua unsur: belum ada IKM untuk dicatat.",
    "IKM": "IKM", "The round": "Putaran", "Community Satisfaction Index (IKM)": "Indeks Kepuasan Masyarakat (IKM)",
    "grade": "mutu pelayanan", "IKM on the 1-4 scale": "IKM pada skala 1-4",
    "every unsur weighs the same": "bobot setiap unsur sama",
    "Nobody has answered every unsur yet.": "Belum ada yang menjawab semua unsur.",
    "Average per unsur (NRR)": "Nilai rata-rata per unsur (NRR)", "Unsur": "Unsur", "NRR (1-4)": "NRR (1-4)",
    "Converted (25-100)": "Konversi (25-100)", "NRR per unsur": "NRR per unsur",
    "Priorities for improvement (lowest NRR)": "Prioritas perbaikan (NRR terendah)", "Sample": "Sampel",
    "Minimum respondents for %(population)s people served (Krejcie-Morgan)":
        "Jumlah responden minimal untuk %(population)s orang yang dilayani (Krejcie-Morgan)",
    "Give the number of people served in the period to see the minimum number of respondents.":
        "Isi jumlah orang yang dilayani dalam periode untuk melihat jumlah responden minimal.",
    "Respondents' profile": "Profil responden", "Suggestions": "Saran dan masukan",
    "The IKM as a KPI's actual": "IKM sebagai realisasi IKU",
    "Save the IKM as the KPI's actual": "Simpan IKM sebagai realisasi IKU",
    "Or the SKM questionnaire of PermenPANRB 14/2017": "Atau kuesioner SKM PermenPANRB 14/2017",
    "Create the SKM questionnaire": "Buat kuesioner SKM",
    "The respondent's profile, the nine unsur on their four answers, and a box for suggestions, in the round's language.":
        "Profil responden, sembilan unsur dengan empat pilihan jawabannya, dan kotak saran, dalam bahasa putaran.",
    "Community satisfaction survey (SKM) report": "Laporan Survei Kepuasan Masyarakat (SKM)",
    "minimum for %(population)s people served: %(minimum)s":
        "minimal untuk %(population)s orang yang dilayani: %(minimum)s",
    "Method: PermenPANRB 14/2017; every unsur weighs the same; IKM = average NRR x 25.":
        "Metode: PermenPANRB 14/2017; bobot setiap unsur sama; IKM = rata-rata NRR x 25.",
    "IKM (25-100)": "IKM (25-100)", "Quality of service": "Mutu pelayanan",
    "Performance of the unit": "Kinerja unit pelayanan",
    # issue 18: comparison groups beyond siblings
    "All objectives": "Semua sasaran strategis", "All KPIs": "Semua IKU", "KPIs of %(perspective)s": "IKU %(perspective)s",
    "Compare objectives by perspective or all together.":
        "Bandingkan sasaran strategis per perspektif atau sekaligus.",
    "Compare KPIs by objective, by perspective or all together.":
        "Bandingkan IKU per sasaran strategis, per perspektif, atau sekaligus.",
    "Objectives compared all together need their KPIs compared by objective: KPIs compared by perspective or all together give the objectives their weights (the sums of their KPIs').":
        "Sasaran strategis yang dibandingkan sekaligus memerlukan IKU yang dibandingkan per sasaran strategis: IKU yang dibandingkan per perspektif atau sekaligus sudah memberi bobot kepada sasaran strategis (jumlah bobot IKU-nya).",
    "A group of one element compares nothing: %(code)s is the only one. Keep the default grouping.":
        "Kelompok berisi satu elemen tidak membandingkan apa pun: %(code)s satu-satunya. Gunakan pengelompokan bawaan.",
    "This grouping leaves %(elements)s out: nothing compared lies below them, so they would get no weight. Give them what they lack, or compare by their parent.":
        "Pengelompokan ini meninggalkan %(elements)s: tidak ada elemen yang dibandingkan di bawahnya, sehingga tidak akan mendapat bobot. Lengkapi yang kurang, atau bandingkan per induknya.",
    "The launched round %(rounds)s compares these groups, so they cannot change. Copy the version to compare differently.":
        "Putaran %(rounds)s yang sudah diluncurkan membandingkan kelompok ini, sehingga kelompok tidak dapat diubah. Salin versi ini untuk membandingkan dengan cara lain.",
    "The version's comparison groups do not fit its elements: %(problem)s":
        "Kelompok perbandingan versi ini tidak sesuai dengan elemennya: %(problem)s",
    "Comparison groups changed": "Kelompok perbandingan diubah", "Comparison groups": "Kelompok perbandingan",
    "Comparison groups saved.": "Kelompok perbandingan disimpan.",
    "Objectives are compared": "Sasaran strategis dibandingkan", "KPIs are compared": "IKU dibandingkan",
    "by perspective (the objectives of each perspective)": "per perspektif (sasaran strategis setiap perspektif)",
    "all together, on one page": "sekaligus, dalam satu halaman",
    "by objective (the KPIs of each objective)": "per sasaran strategis (IKU setiap sasaran strategis)",
    "by perspective (the KPIs of each perspective)": "per perspektif (IKU setiap perspektif)",
    "A weighting round asks one page per group of elements compared together. By default siblings are compared: the perspectives, the objectives of each perspective, the KPIs of each objective; a KPI's global weight is the product of the weights on its path.":
        "Putaran pembobotan menanyakan satu halaman untuk setiap kelompok elemen yang dibandingkan bersama. Secara bawaan yang dibandingkan adalah elemen sejajar: perspektif, sasaran strategis setiap perspektif, IKU setiap sasaran strategis; bobot global sebuah IKU adalah hasil kali bobot di sepanjang jalurnya.",
    "Objectives all together: their weights are global; the perspectives are not asked, each weighs the sum of its objectives.":
        "Sasaran strategis sekaligus: bobotnya sudah global; perspektif tidak ditanyakan, bobot setiap perspektif adalah jumlah bobot sasaran strategisnya.",
    "KPIs by perspective: a KPI's global weight is its perspective's times its weight in the group; the objectives are not asked, each weighs the sum of its KPIs.":
        "IKU per perspektif: bobot global sebuah IKU adalah bobot perspektifnya dikali bobotnya dalam kelompok; sasaran strategis tidak ditanyakan, bobot setiap sasaran strategis adalah jumlah bobot IKU-nya.",
    "KPIs all together: their weights are global; objectives and perspectives weigh the sums of their KPIs.":
        "IKU sekaligus: bobotnya sudah global; bobot sasaran strategis dan perspektif adalah jumlah bobot IKU-nya.",
    "Save the comparison groups": "Simpan kelompok perbandingan",
    "Pages a weighting round asks": "Halaman yang ditanyakan putaran pembobotan",
    "Elements compared": "Elemen yang dibandingkan",
    "Nothing to compare yet: add elements to the version.": "Belum ada yang dibandingkan: tambahkan elemen ke versi ini.",
    "The %(n)d elements compared on this page": "%(n)d elemen yang dibandingkan di halaman ini",
    # issue 18: direct-rating rounds, and how published weights were made
    "Weighting (direct rating of each element)": "Pembobotan (penilaian langsung setiap elemen)",
    "Rating scale (direct rating)": "Skala penilaian (penilaian langsung)", "1 to 10": "1 sampai 10",
    "0 to 100 (1 to 100 with a geometric mean)": "0 sampai 100 (1 sampai 100 dengan rerata geometrik)",
    "Group rating (direct rating)": "Penilaian kelompok (penilaian langsung)",
    "Arithmetic mean of ratings": "Rerata aritmetik penilaian", "Geometric mean of ratings": "Rerata geometrik penilaian",
    "arithmetic mean of ratings": "rerata aritmetik penilaian", "geometric mean of ratings": "rerata geometrik penilaian",
    "ratings from 1 to 10": "penilaian 1 sampai 10", "ratings from 0 to 100": "penilaian 0 sampai 100",
    "ratings from 1 to 100": "penilaian 1 sampai 100", "pairwise comparison": "perbandingan berpasangan",
    "direct rating": "penilaian langsung", "given": "ditetapkan",
    "Rate this element.": "Berikan penilaian untuk elemen ini.",
    "This round asks for a rating of every element.": "Putaran ini meminta penilaian untuk setiap elemen.",
    "Give a rating from %(lowest)s to %(highest)s.": "Berikan penilaian dari %(lowest)s sampai %(highest)s.",
    "Ratings are on a 1-10 or a 0-100 scale.": "Penilaian memakai skala 1-10 atau 0-100.",
    "Ratings are combined by their arithmetic or geometric mean.":
        "Penilaian digabungkan dengan rerata aritmetik atau rerata geometrik.",
    "Not enough answers: some element of this page has no rating, or every rating is 0.":
        "Jawaban belum cukup: ada elemen di halaman ini yang belum dinilai, atau semua penilaian bernilai 0.",
    "ready": "siap", "raw ratings": "penilaian mentah",
    "weights are the group mean ratings divided by their sum": "bobot adalah rerata penilaian kelompok dibagi jumlahnya",
    "These weights are published to the scorecard.": "Bobot ini telah diterbitkan ke scorecard.",
    "Group mean rating": "Rerata penilaian kelompok", "Raters": "Penilai",
    "Weights by %(kind)s (%(method)s) in the round %(title)s.":
        "Bobot dengan %(kind)s (%(method)s) pada putaran %(title)s.",
    "Respondents: %(count)d.": "Responden: %(count)d.", "Published on %(day)s.": "Diterbitkan pada %(day)s.",
    "Your ratings are saved:": "Penilaian Anda telah disimpan:",
    "How important is each of these for the office? Give each a rating from %(lowest)s to %(highest)s: the higher, the more important.":
        "Seberapa penting masing-masing hal ini bagi kantor? Berikan penilaian dari %(lowest)s sampai %(highest)s untuk "
        "setiap hal: makin tinggi, makin penting.",
    "Some ratings need a look: see the marked ones below.": "Beberapa penilaian perlu diperiksa: lihat yang ditandai di bawah.",
    "You are asked to rate the elements of the performance scorecard, one group at a time: how important is each for the office?":
        "Anda diminta menilai elemen scorecard kinerja, satu kelompok demi satu kelompok: seberapa penting masing-masing bagi kantor?",
    # issue 19: invitations without email
    "Enter a phone number such as 0812-3456-7890 or +62 812 3456 7890.":
        "Masukkan nomor telepon seperti 0812-3456-7890 atau +62 812 3456 7890.",
    "Phone (WhatsApp)": "Telepon (WhatsApp)", "Phone": "Telepon",
    "Give an email address or a phone number.": "Isi alamat email atau nomor telepon.",
    "%(count)d of them have no email: they get no message. Hand them their link from the round's page "
    "(WhatsApp or a printed letter).":
        "%(count)d di antaranya tidak memiliki email: mereka tidak menerima pesan. Sampaikan tautan mereka dari "
        "halaman putaran (WhatsApp atau surat cetak).",
    "Invitation link shared": "Tautan undangan dibagikan", "Invitation letters printed": "Surat undangan dicetak",
    "%(name)s has no phone number: add one on the people page.":
        "%(name)s tidak memiliki nomor telepon: tambahkan di halaman daftar orang.",
    "%(name)s has finished already.": "%(name)s sudah selesai mengisi.",
    "Choose at least one participant to print a letter for.": "Pilih paling sedikit satu peserta untuk dicetakkan surat.",
    "Please answer by %(closes)s.": "Mohon diisi paling lambat %(closes)s.",
    "The email and the phone number belong to two different people on the list.":
        "Email dan nomor telepon ini milik dua orang berbeda dalam daftar.",
    "'%(phone)s' is not a phone number: write it as 0812-3456-7890 or +62 812 3456 7890.":
        "'%(phone)s' bukan nomor telepon: tuliskan seperti 0812-3456-7890 atau +62 812 3456 7890.",
    "%(phone)s is already on the list.": "%(phone)s sudah ada dalam daftar.",
    "by email": "melalui email", "by WhatsApp or letter": "melalui WhatsApp atau surat", "by letter": "melalui surat",
    "Remind on WhatsApp": "Ingatkan lewat WhatsApp", "Send on WhatsApp": "Kirim lewat WhatsApp", "Letter": "Surat",
    "Print a letter for %(name)s": "Cetak surat untuk %(name)s",
    "Print invitation letters for the people ticked": "Cetak surat undangan untuk orang yang dicentang",
    "One PDF, a page per person, with their personal link and its QR code, for people reached on paper.":
        "Satu PDF, satu halaman per orang, berisi tautan pribadinya dan kode QR-nya, untuk orang yang dihubungi "
        "dengan surat.",
    "To remind by hand": "Diingatkan secara langsung",
    "They have not finished and have no email, so the email reminder does not reach them.":
        "Mereka belum selesai dan tidak memiliki email, sehingga pengingat email tidak sampai kepada mereka.",
    "Reached": "Dihubungi",
    "Scan the code with the camera of your phone, or type the link into a browser.":
        "Pindai kode ini dengan kamera ponsel Anda, atau ketik tautannya di peramban.",
    # issue 19: public satisfaction rounds
    "Only a satisfaction round can be answered by the public.":
        "Hanya putaran survei kepuasan yang dapat dijawab oleh masyarakat umum.",
    "The daily cap must be at least 1, or empty for no cap.":
        "Batas harian paling sedikit 1, atau kosongkan bila tanpa batas.",
    "This survey has received all the answers it takes today. Please come back tomorrow. Thank you.":
        "Survei ini telah menerima semua jawaban yang diterimanya hari ini. Silakan kembali besok. Terima kasih.",
    "Many answers came from your network in a short time, so this one cannot be taken now. Please try again later.":
        "Banyak jawaban datang dari jaringan Anda dalam waktu singkat, sehingga jawaban ini belum dapat diterima. "
        "Silakan coba lagi nanti.",
    "No public answers to discard in this time window.":
        "Tidak ada jawaban publik yang dapat dibuang dalam rentang waktu ini.",
    "This survey is not ready yet. Please come back later.": "Survei ini belum siap. Silakan kembali nanti.",
    "Give the start of the time window.": "Isi awal rentang waktu.",
    "Give the end of the time window.": "Isi akhir rentang waktu.",
    "The end must come after the start.": "Akhir harus sesudah awal.",
    "Public link of a round set": "Tautan publik putaran diatur",
    "Public answers discarded": "Jawaban publik dibuang",
    "You have already answered this survey from this browser. Thank you: one answer per person keeps the results fair.":
        "Anda sudah menjawab survei ini dari peramban ini. Terima kasih: satu jawaban per orang menjaga hasilnya adil.",
    "One of the answers is not on the question's scale, so nothing was saved. Open the survey again and choose among the options shown.":
        "Salah satu jawaban tidak ada pada skala pertanyaan, sehingga tidak ada yang disimpan. Buka survei lagi dan "
        "pilih di antara pilihan yang ditampilkan.",
    "The daily cap must be a whole number of at least 1, or empty for no cap.":
        "Batas harian harus bilangan bulat paling sedikit 1, atau kosongkan bila tanpa batas.",
    "A poster needs the round's public link and the site's public address (PUBLIC_URL).":
        "Poster memerlukan tautan publik putaran dan alamat publik situs (PUBLIC_URL).",
    "Discard %(count)d public answers?": "Buang %(count)d jawaban publik?",
    "They were received from %(start)s until %(end)s.": "Jawaban itu diterima dari %(start)s sampai %(end)s.",
    "They stay on record but no longer count in the results. This cannot be undone.":
        "Jawaban itu tetap tercatat tetapi tidak lagi dihitung dalam hasil. Tindakan ini tidak dapat dibatalkan.",
    "Discard %(count)d answers": "Buang %(count)d jawaban",
    "%(count)d public answers discarded; they stay on record.":
        "%(count)d jawaban publik dibuang; jawaban itu tetap tercatat.",
    "Nothing was discarded: give the time window again.": "Tidak ada yang dibuang: isi rentang waktunya lagi.",
    "Answers kept per day at most": "Jawaban yang diterima per hari paling banyak",
    "Nothing was saved.": "Tidak ada yang disimpan.",
    "Your answers are saved. They help %(office)s improve its service.":
        "Jawaban Anda tersimpan. Jawaban ini membantu %(office)s memperbaiki layanannya.",
    "Public link": "Tautan publik",
    "Anyone with this link or its QR code can answer, once per browser, without a name.":
        "Siapa pun yang memiliki tautan ini atau kode QR-nya dapat menjawab, sekali per peramban, tanpa nama.",
    "At most %(cap)s answers are kept per day.": "Paling banyak %(cap)s jawaban diterima per hari.",
    "Answers today: %(count)s.": "Jawaban hari ini: %(count)s.",
    "In all: %(kept)s counted, %(discarded)s discarded.": "Seluruhnya: %(kept)s dihitung, %(discarded)s dibuang.",
    "QR code of the public link": "Kode QR tautan publik",
    "Poster to print (PDF, A4)": "Poster untuk dicetak (PDF, A4)",
    "Public answers by hour, and discarding a burst": "Jawaban publik per jam, dan membuang lonjakan jawaban",
    "A satisfaction round can also be answered by the public: one anonymous link and a QR code to print at the counter.":
        "Putaran survei kepuasan juga dapat dijawab oleh masyarakat umum: satu tautan anonim dan kode QR untuk "
        "dicetak di loket.",
    "Save the daily cap": "Simpan batas harian", "Make the round public": "Buka putaran untuk umum",
    "Public answers": "Jawaban publik", "Received per hour": "Diterima per jam",
    "Hours on the office clock (%(zone)s). A burst of answers in a short time may be one person answering many times.":
        "Jam menurut jam kantor (%(zone)s). Lonjakan jawaban dalam waktu singkat bisa berasal dari satu orang yang "
        "menjawab berkali-kali.",
    "Hour": "Jam", "Kept": "Dihitung", "Discarded": "Dibuang", "No public answers yet.": "Belum ada jawaban publik.",
    "Discarded answers stay on record but do not count in the results.":
        "Jawaban yang dibuang tetap tercatat tetapi tidak dihitung dalam hasil.",
    "%(count)s answers received %(first)s – %(last)s, discarded %(when)s by %(who)s":
        "%(count)s jawaban diterima %(first)s – %(last)s, dibuang %(when)s oleh %(who)s",
    "Discard a burst": "Buang lonjakan jawaban",
    "Choose the time window on the office clock; you will see how many answers it holds before anything is discarded.":
        "Pilih rentang waktu menurut jam kantor; Anda akan melihat berapa jawaban di dalamnya sebelum ada yang dibuang.",
    "Show the answers to discard": "Tampilkan jawaban yang akan dibuang",
    "Tell us about our service: scan the code with your phone and answer a few questions.":
        "Sampaikan pendapat Anda tentang layanan kami: pindai kode ini dengan ponsel Anda dan jawab beberapa pertanyaan.",
    "Anonymous: no name is asked. It takes a few minutes.": "Anonim: tanpa nama. Hanya perlu beberapa menit.",
    # issue 18: network (ANP) rounds
    "Objectives": "Sasaran strategis", "KPIs": "IKU", "Network (ANP)": "Jaringan (ANP)",
    "Influenced by": "Dipengaruhi oleh", "Cluster": "Kluster",
    "With respect to": "Dibandingkan terhadap", "Comparisons": "Perbandingan",
    "With respect to %(name)s": "Dibandingkan terhadap %(name)s",
    "With respect to %(name)s, which matters more, and by how much?":
        "Dibandingkan terhadap %(name)s, mana yang lebih penting, dan seberapa besar?",
    "%(element)s is influenced by": "%(element)s dipengaruhi oleh",
    "Network weighting (ANP: comparisons with respect to each influenced element)":
        "Pembobotan jaringan (ANP: perbandingan terhadap setiap elemen yang dipengaruhi)",
    "Say which elements influence each element. A network round then asks, for each element, which of the "
    "elements that influence it matters more, cluster by cluster. The clusters are the levels of the scorecard: "
    "perspectives, objectives and KPIs; an influence within a level is inner dependence, between levels outer "
    "dependence.":
        "Tentukan elemen mana yang memengaruhi setiap elemen. Putaran jaringan kemudian menanyakan, untuk setiap "
        "elemen, mana di antara elemen yang memengaruhinya yang lebih penting, kluster demi kluster. Kluster adalah "
        "tingkat scorecard: perspektif, sasaran strategis, dan IKU; pengaruh di dalam satu tingkat adalah "
        "ketergantungan dalam (inner dependence), antartingkat ketergantungan luar (outer dependence).",
    "A network round cannot be made from this network yet:": "Putaran jaringan belum dapat dibuat dari jaringan ini:",
    "The network is ready for a network round: it asks %(n)d comparison pages.":
        "Jaringan siap untuk putaran jaringan: putaran ini menanyakan %(n)d halaman perbandingan.",
    "Draw the network first: no element is influenced by another yet.":
        "Susun jaringan terlebih dahulu: belum ada elemen yang dipengaruhi oleh elemen lain.",
    "Every KPI must be in the network to receive a weight; these are not: %(codes)s.":
        "Setiap IKU harus ada dalam jaringan agar mendapat bobot; yang belum: %(codes)s.",
    "Nothing influences %(codes)s: say what influences each element of the network.":
        "Tidak ada yang memengaruhi %(codes)s: tentukan apa yang memengaruhi setiap elemen jaringan.",
    "The cluster %(cluster)s has one element only (%(code)s): a cluster needs two or more, or none.":
        "Kluster %(cluster)s hanya memiliki satu elemen (%(code)s): sebuah kluster memerlukan dua elemen atau "
        "lebih, atau tidak sama sekali.",
    "No influence links %(first)s with %(second)s, directly or through others: the network falls into parts "
    "with no path between them.":
        "Tidak ada pengaruh yang menghubungkan %(first)s dengan %(second)s, langsung maupun melalui elemen lain: "
        "jaringan terpecah menjadi bagian-bagian tanpa jalur di antaranya.",
    "This element is not in this scorecard version.": "Elemen ini tidak ada dalam versi scorecard ini.",
    "Choose elements of this scorecard version.": "Pilih elemen dari versi scorecard ini.",
    "An element cannot influence itself.": "Sebuah elemen tidak dapat memengaruhi dirinya sendiri.",
    "Every comparison needs at least one finished respondent before weights can be published.":
        "Setiap perbandingan memerlukan setidaknya satu responden yang selesai sebelum bobot dapat diterbitkan.",
    "The KPIs receive no weight in the limit: in this network nothing that keeps weight depends on them. Change "
    "the network so the KPIs influence elements that influence them back.":
        "IKU tidak mendapat bobot pada limit: dalam jaringan ini tidak ada yang mempertahankan bobot bergantung "
        "pada IKU. Ubah jaringan agar IKU memengaruhi elemen yang juga memengaruhinya kembali.",
    "Network (ANP) round.": "Putaran jaringan (ANP).",
    "Clusters are not compared: each cluster that influences an element weighs the same in its column of the "
    "weighted supermatrix.":
        "Kluster tidak dibandingkan: setiap kluster yang memengaruhi suatu elemen berbobot sama pada kolomnya "
        "dalam supermatriks tertimbang.",
    "Export for Super Decisions users": "Ekspor untuk pengguna Super Decisions",
    "Unweighted supermatrix": "Supermatriks tak tertimbang", "Weighted supermatrix": "Supermatriks tertimbang",
    "Limit supermatrix": "Supermatriks limit", "Limit priorities per cluster": "Prioritas limit per kluster",
    "This cluster receives no weight in the limit.": "Kluster ini tidak mendapat bobot pada limit.",
    "Each page names an element of the scorecard: compare the pairs with respect to it. Which of the two matters "
    "more for that element, and by how much?":
        "Setiap halaman menyebut satu elemen scorecard: bandingkan pasangan-pasangan terhadap elemen itu. Mana dari "
        "keduanya yang lebih penting bagi elemen tersebut, dan seberapa besar?",
    # --- kpi values: nothing lost ---
    "Why is it cleared?": "Mengapa nilai ini dihapus?",
    "Yes, clear this value": "Ya, hapus nilai ini",
    "Tick the box to confirm that the value is cleared.": "Centang kotak untuk memastikan nilai ini dihapus.",
    "The value was cleared; its history keeps it.": "Nilai telah dihapus; riwayatnya tetap menyimpannya.",
    "Say why the value is cleared.": "Tuliskan mengapa nilai ini dihapus.",
    "There is no stored value to clear.": "Tidak ada nilai tersimpan yang dapat dihapus.",
    "Write the root cause, the action or both.": "Tuliskan akar masalah, tindakan, atau keduanya.",
    "Input %(name)s": "Masukan %(name)s", "Current values": "Nilai saat ini", "Now": "Sekarang",
    "Clear": "Hapus", "Clear this value…": "Hapus nilai ini…",
    "No value is stored for this period.": "Belum ada nilai tersimpan untuk periode ini.",
    "History": "Riwayat",
    "A blank field never erases a value: each change below was typed or cleared on purpose.":
        "Kolom kosong tidak pernah menghapus nilai: setiap perubahan di bawah ini diketik atau dihapus dengan sengaja.",
    "Before": "Sebelum", "After": "Sesudah", "Why": "Alasan", "cleared": "dihapus",
    "Nothing entered yet.": "Belum ada yang dimasukkan.", "history": "riwayat",
    "A blank field leaves the stored value as it is; a new value replaces it and the history keeps the old one. "
    "To erase a value, open its history and clear it there.":
        "Kolom kosong membiarkan nilai tersimpan apa adanya; nilai baru menggantikannya dan riwayat menyimpan nilai "
        "lama. Untuk menghapus nilai, buka riwayatnya dan hapus di sana.",
    "Export what is stored, to edit and import again": "Ekspor data tersimpan, untuk diubah lalu diimpor kembali",
    "targets and actuals": "target dan realisasi",
    "no target": "tanpa target",
    "target 0 missed: no share of it": "target 0 tidak tercapai: capaian tak terhitung",
    "Two signals, two questions. The level (0-10) and its light say where the actual stands on the KPI's ladder, "
    "between the worst value seen (0), the baseline (3) and the target (10). The share of target (capaian, "
    "PermenPANRB 8/2021) compares the actual with the target alone, and its rating uses the office's bands. A KPI "
    "can be rated very good at 95 percent of its target and still be yellow when its ladder asks for more.":
        "Dua tanda, dua pertanyaan. Level (0-10) dan lampunya menunjukkan posisi realisasi pada tangga skor IKU, "
        "antara nilai terburuk yang pernah ada (0), nilai dasar (3) dan target (10). Capaian (PermenPANRB 8/2021) "
        "membandingkan realisasi dengan target saja, dan predikatnya memakai rentang nilai kantor. Sebuah IKU dapat "
        "berpredikat sangat baik pada 95 persen dari targetnya namun tetap kuning bila tangga skornya menuntut lebih.",
    "Level (0-10), gives the light": "Level (0-10), menentukan lampu",
    "File (PDF, PNG, JPEG, XLSX or CSV)": "Berkas (PDF, PNG, JPEG, XLSX atau CSV)",
    "The file is kept as evidence.": "Berkas disimpan sebagai bukti dukung.",
    "Attach a PDF, an image (PNG or JPEG) or a spreadsheet (XLSX or CSV).":
        "Lampirkan PDF, gambar (PNG atau JPEG) atau lembar kerja (XLSX atau CSV).",
    "The file is empty.": "Berkasnya kosong.", "The file is larger than %(limit)s MB.": "Berkas lebih besar dari %(limit)s MB.",
    "The file is not the %(kind)s its name says.": "Berkas ini bukan %(kind)s seperti yang disebut namanya.",
    "At most %(count)s files per KPI and period.": "Paling banyak %(count)s berkas per IKU dan periode.",
    "Give the file a name.": "Beri nama berkas.", "%(n)d evidence files": "%(n)d berkas bukti dukung",
    "Evidence": "Bukti dukung", "No file attached yet.": "Belum ada berkas yang dilampirkan.", "Attach": "Lampirkan",
    "Files are attached on each KPI's page of values (Performance data, history).":
        "Berkas dilampirkan di halaman nilai setiap IKU (Data kinerja, riwayat).",
    "Values, history and evidence": "Nilai, riwayat dan bukti dukung", "Files kept in Neraca": "Berkas yang disimpan di Neraca",
    # --- h-privacy ---
    "The participants, their answers and their reasons are shown to HR only.":
        "Peserta, jawaban, dan alasan mereka hanya ditampilkan kepada SDM.",
    "%(valid)d of %(count)d respondents find the scorecard valid.":
        "%(valid)d dari %(count)d responden menilai scorecard ini valid.",
    # --- h-grid ---
    "Data grid": "Tabel isian",
    "Nothing was saved: correct the marked cells and save again.":
        "Tidak ada yang disimpan: perbaiki sel yang ditandai lalu simpan lagi.",
    "Change any cells and save once: only the changed cells are written, and the history keeps the old values. "
    "A blank cell leaves the stored value as it is. You can paste a block copied from a spreadsheet into the "
    "focused cell.":
        "Ubah sel mana saja lalu simpan sekali: hanya sel yang diubah yang ditulis, dan riwayat menyimpan nilai "
        "lama. Sel kosong membiarkan nilai tersimpan apa adanya. Anda dapat menempelkan blok yang disalin dari "
        "lembar kerja ke sel yang sedang dipilih.",
    "%(count)s cells filled from the clipboard.": "%(count)s sel diisi dari papan klip.",
    "%(count)s pasted values fell outside the grid and were left out.":
        "%(count)s nilai yang ditempel berada di luar tabel dan tidak dipakai.",
    "Changed cells: %(count)s": "Sel yang diubah: %(count)s",
    "Formula inputs": "Masukan rumus",
    "No KPI to show: this scorecard has none, or none is assigned to you.":
        "Tidak ada IKU untuk ditampilkan: belum ada IKU, atau tidak ada yang ditugaskan kepada Anda.",
    "Save changes": "Simpan perubahan",
    "Saved. Values changed: %(count)s.": "Tersimpan. Nilai yang berubah: %(count)s.",
    "Nothing changed: no value was saved.": "Tidak ada perubahan: tidak ada nilai yang disimpan.",
    "grid": "tabel isian",
    "Open the data grid of a period (a new one too)": "Buka tabel isian suatu periode (juga periode baru)",
    "Open the grid": "Buka tabel isian",
    "This page is out of date: open it again and enter your changes there.":
        "Halaman ini sudah usang: buka lagi dan masukkan perubahan Anda di sana.",
    "'%(period)s' is not a period.": "'%(period)s' bukan periode.",
    "Someone cleared this value meanwhile; yours (%(typed)s) was not saved. Save again to enter it.":
        "Seseorang telah menghapus nilai ini sementara itu; nilai Anda (%(typed)s) belum disimpan. Simpan lagi "
        "untuk memasukkannya.",
    "%(who)s changed this value to %(stored)s meanwhile; yours (%(typed)s) was not saved. Save again to replace "
    "theirs.":
        "%(who)s telah mengubah nilai ini menjadi %(stored)s sementara itu; nilai Anda (%(typed)s) belum disimpan. "
        "Simpan lagi untuk menggantinya.",
    # --- h-cycle ---
    "Deadline": "Batas waktu", "Comment": "Catatan", "Verifier": "Verifikator",
    "The form has expired or is incomplete: try again.": "Formulir kedaluwarsa atau belum lengkap: coba lagi.",
    "Deadline saved.": "Batas waktu disimpan.",
    "%(count)d KPI owners reminded by email.": "%(count)d pemilik IKU diingatkan lewat surel.",
    "%(count)d KPIs submitted.": "%(count)d IKU diajukan.",
    "KPI verified.": "IKU diverifikasi.", "KPI returned to its owner.": "IKU dikembalikan ke pemiliknya.",
    "Period locked: its values can no longer change.": "Periode dikunci: nilainya tidak dapat diubah lagi.",
    "Period unlocked.": "Kunci periode dibuka.",
    "Deadline of a period set": "Batas waktu periode ditetapkan", "Verifier of a KPI named": "Verifikator IKU ditunjuk",
    "KPIs submitted": "IKU diajukan", "KPI verified": "IKU diverifikasi",
    "KPI returned to its owner": "IKU dikembalikan ke pemiliknya", "Period locked": "Periode dikunci",
    "Period unlocked": "Kunci periode dibuka", "KPI owners reminded": "Pemilik IKU diingatkan",
    "Period %(period)s is locked: its values, ladders and findings cannot change. Only an administrator can unlock it.":
        "Periode %(period)s dikunci: nilai, tangga skor, dan temuannya tidak dapat diubah. Hanya administrator yang "
        "dapat membuka kuncinya.",
    "submitted": "diajukan", "verified": "diverifikasi", "locked": "dikunci", "not submitted": "belum diajukan",
    "returned": "dikembalikan",
    "A verifier is an active user who may enter KPI data (a KPI owner, HR or an administrator).":
        "Verifikator adalah pengguna aktif yang boleh mengisi data IKU (pemilik IKU, SDM, atau administrator).",
    "There is nothing to submit: none of your KPIs of this period is both entered and not yet submitted.":
        "Tidak ada yang dapat diajukan: tidak ada IKU Anda pada periode ini yang sudah terisi dan belum diajukan.",
    "%(kpi)s is %(status)s already.": "%(kpi)s sudah %(status)s.",
    "%(kpi)s: enter its target and actual first.": "%(kpi)s: isi dulu target dan realisasinya.",
    "%(kpi)s is %(light)s: write its analysis (the cause) and its follow-up action first.":
        "%(kpi)s %(light)s: tulis dulu analisisnya (penyebab) dan rencana tindak lanjutnya.",
    "Only HR or the verifier named for %(kpi)s verifies it.":
        "Hanya SDM atau verifikator yang ditunjuk untuk %(kpi)s yang memverifikasinya.",
    "Say why the KPI is returned: its owner reads the comment.":
        "Jelaskan mengapa IKU dikembalikan: pemiliknya membaca catatan ini.",
    "%(kpi)s is not waiting for verification.": "%(kpi)s tidak sedang menunggu verifikasi.",
    "Only HR locks a period.": "Hanya SDM yang mengunci periode.",
    "Period %(period)s is locked already.": "Periode %(period)s sudah dikunci.",
    "Only a verified period can be locked: verify every KPI of %(period)s first.":
        "Hanya periode yang sudah diverifikasi yang dapat dikunci: verifikasi dulu setiap IKU periode %(period)s.",
    "Only an administrator unlocks a period.": "Hanya administrator yang membuka kunci periode.",
    "Period %(period)s is not locked.": "Periode %(period)s tidak dikunci.",
    "These KPIs of %(scorecard)s still lack values for %(period)s:":
        "IKU %(scorecard)s berikut belum lengkap nilainya untuk periode %(period)s:",
    "The deadline, %(deadline)s, has passed.": "Batas waktunya, %(deadline)s, telah lewat.",
    "Please enter them by %(deadline)s.": "Mohon isi paling lambat %(deadline)s.",
    "Enter them here: %(url)s": "Isi di sini: %(url)s",
    "Reminder: KPI values for %(period)s": "Pengingat: nilai IKU periode %(period)s",
    "Reporting status": "Status pelaporan", "Submission and verification": "Pengajuan dan verifikasi",
    "Reporting": "Pelaporan", "entered": "terisi", "missing": "belum terisi", "late": "terlambat",
    "locked by %(who)s": "dikunci oleh %(who)s", "passed": "telah lewat", "none": "tidak ada",
    "Lock the period": "Kunci periode", "Unlock the period": "Buka kunci periode",
    "Submit all my entered KPIs": "Ajukan semua IKU saya yang sudah terisi", "Values": "Nilai",
    "Submit": "Ajukan", "Verify": "Verifikasi", "Return": "Kembalikan",
    "No KPI has an owner: HR enters their data.": "Belum ada IKU yang punya pemilik: SDM mengisi datanya.",
    "Reminders": "Pengingat",
    "Owners with missing values are reminded by email at most once a day; a scheduled task (neraca "
    "remind-kpi-owners) does it from 15 days before the deadline. You can also pass the message on by WhatsApp.":
        "Pemilik yang nilainya belum terisi diingatkan lewat surel paling banyak sekali sehari; tugas terjadwal "
        "(neraca remind-kpi-owners) melakukannya mulai 15 hari sebelum batas waktu. Pesan juga dapat diteruskan "
        "lewat WhatsApp.",
    "Remind by email now": "Ingatkan lewat surel sekarang", "reminded today": "sudah diingatkan hari ini",
    "WhatsApp": "WhatsApp",
    # --- h-numbers ---
    "%(text)s… is too long for a number.": "%(text)s… terlalu panjang untuk sebuah angka.",
    "%(text)s is too large: at most %(largest)s.": "%(text)s terlalu besar: maksimal %(largest)s.",
    "%(text)s is too small: at least -%(largest)s.": "%(text)s terlalu kecil: minimal -%(largest)s.",
    "A weight is at most %(largest)d.": "Bobot maksimal %(largest)d.",
    # --- h-periods ---
    "A year's actual from its quarters or months": "Realisasi tahun dari triwulan atau bulannya",
    "not derived: enter it": "tidak diturunkan: diisi sendiri", "their sum (cumulative)": "jumlahnya (kumulatif)",
    "their average": "rata-ratanya", "the last of them": "nilai terakhirnya",
    "Year (blank: every year)": "Tahun (kosong: setiap tahun)", "Periods": "Periode", "Year": "Tahun",
    "Semesters I-II": "Semester I-II", "Quarters (triwulan) I-IV": "Triwulan I-IV", "Months": "Bulan",
    "Choose at least one kind of period: year, semesters, quarters or months.":
        "Pilih paling sedikit satu jenis periode: tahun, semester, triwulan, atau bulan.",
    "Give a year between 1900 and 2999, or leave it blank for every year.":
        "Isi tahun antara 1900 dan 2999, atau kosongkan untuk setiap tahun.",
    "Rollup must be empty, 'sum', 'mean' or 'last'.": "Kolom rollup harus kosong, 'sum', 'mean', atau 'last'.",
    "Give the period, e.g. %(examples)s.": "Isi periodenya, mis. %(examples)s.",
    "'%(period)s' is not a period of the calendar; write it e.g. as %(examples)s.":
        "'%(period)s' bukan periode kalender; tuliskan mis. sebagai %(examples)s.",
    "Actual of a longer period": "Realisasi periode yang lebih panjang",
    "When a year has no actual of its own, the scorecard of the year derives it from the actuals of its quarters "
    "(else months) this way, and marks it as derived.":
        "Bila suatu tahun tidak memiliki realisasi sendiri, kartu skor tahun itu menurunkannya dari realisasi "
        "triwulannya (atau bulannya) dengan cara ini, dan menandainya sebagai turunan.",
    "derived from %(periods)s": "turunan dari %(periods)s",
    "Reporting periods": "Periode pelaporan",
    "The periods targets and actuals are entered for: a year, semesters, quarters (triwulan) or months. Forms offer "
    "these periods to choose from; a year can have its own choice.":
        "Periode pengisian target dan realisasi: tahun, semester, triwulan, atau bulan. Formulir menawarkan "
        "periode ini untuk dipilih; suatu tahun dapat memiliki pilihannya sendiri.",
    "every year": "setiap tahun",
    # --- h-hardening ---
    "At most %(cells)s cells (rows times columns) per file: remove the columns that are not needed, or split the "
    "file.":
        "Paling banyak %(cells)s sel (baris kali kolom) per berkas: hapus kolom yang tidak diperlukan, atau bagi "
        "berkasnya.",
    "%(inviter)s of %(organisation)s wanted to make you a Neraca account with this address. It already has a "
    "Neraca account, so nothing was changed and no account was made.":
        "%(inviter)s dari %(organisation)s hendak membuatkan Anda akun Neraca dengan alamat ini. Alamat ini sudah "
        "memiliki akun Neraca, jadi tidak ada yang diubah dan tidak ada akun yang dibuat.",
    "If you should use Neraca for %(organisation)s too, ask them to invite another of your addresses: an address "
    "has one account.":
        "Bila Anda juga perlu memakai Neraca untuk %(organisation)s, mintalah mereka mengundang alamat Anda yang "
        "lain: satu alamat satu akun.",
    "Your address and Neraca": "Alamat Anda dan Neraca",
    "You were removed from this survey, so this link no longer takes answers and nothing you send is saved. If "
    "you think this is a mistake, ask the office that invited you.":
        "Anda telah dikeluarkan dari survei ini, jadi tautan ini tidak lagi menerima jawaban dan apa pun yang Anda "
        "kirim tidak disimpan. Bila menurut Anda ini keliru, tanyakan kepada kantor yang mengundang Anda.",
    "You were removed from this round: answers are no longer accepted.":
        "Anda telah dikeluarkan dari putaran ini: jawaban tidak lagi diterima.",
    "%(field)s must be one line: remove the line break.": "%(field)s harus satu baris: hapus pindah barisnya.",
    "This field must be one line: remove the line break.": "Kolom ini harus satu baris: hapus pindah barisnya.",
    # --- h-twotab ---
    "Nothing was saved from this page yet: while it was open, answers on it were saved from another window, and "
    "this page would replace them.":
        "Belum ada yang disimpan dari halaman ini: ketika halaman ini terbuka, jawaban di halaman ini disimpan dari "
        "jendela lain, dan halaman ini akan menggantinya.",
    "saved from the other window: %(saved)s; on this page: %(typed)s.":
        "disimpan dari jendela lain: %(saved)s; di halaman ini: %(typed)s.",
    "Your answers are still below. Press the button again to save them in place of the saved ones (those stay on "
    "record), or open the saved answers instead:":
        "Jawaban Anda masih ada di bawah. Tekan tombolnya sekali lagi untuk menyimpannya sebagai pengganti jawaban "
        "yang tersimpan (yang itu tetap tercatat), atau buka jawaban yang tersimpan:",
    "show the saved answers": "tampilkan jawaban yang tersimpan",
    "This check was answered from another window while this page was open, so nothing was saved from this page. "
    "What you chose on it, beside what is saved:":
        "Pemeriksaan ini sudah dijawab dari jendela lain ketika halaman ini terbuka, jadi tidak ada yang disimpan "
        "dari halaman ini. Pilihan Anda di halaman itu, di samping yang tersimpan:",
    "%(pair)s: you chose %(typed)s; saved: %(saved)s.": "%(pair)s: pilihan Anda %(typed)s; tersimpan: %(saved)s.",
    # --- h-scale ---
    "%(name)s is %(strength)s · %(value)s": "%(name)s %(strength)s · %(value)s",
    "%(a)s is as important as %(b)s · %(value)s": "%(a)s sama penting dengan %(b)s · %(value)s",
    "between equally and moderately more important": "antara sama dan sedikit lebih penting",
    "moderately more important": "sedikit lebih penting",
    "between moderately and strongly more important": "antara sedikit lebih dan lebih penting",
    "strongly more important": "lebih penting",
    "between strongly and very strongly more important": "antara lebih dan jauh lebih penting",
    "very strongly more important": "jauh lebih penting",
    "between very strongly and extremely more important": "antara jauh dan mutlak lebih penting",
    "extremely more important": "mutlak lebih penting",
    "Each choice of a pair says in words which of the two elements is more important and by how much, with its number from 1 (equally important) to 9. Choose the one that says what you think.":
        "Setiap pilihan pada sebuah pasangan menyebutkan dengan kata-kata mana dari kedua elemen yang lebih penting "
        "dan seberapa besar, beserta angkanya dari 1 (sama penting) sampai 9. Pilih yang sesuai dengan pendapat Anda.",
    "Responses to %(title)s": "Tanggapan untuk %(title)s",
    "Respondents so far against the minimum": "Responden sejauh ini dibanding jumlah minimum",
    "On the scale: %(choice)s": "Pada skala: %(choice)s",
    "equally": "sama", "moderately": "sedikit", "strongly": "lebih", "very strongly": "jauh", "extremely": "mutlak",
    "%(name)s more important": "%(name)s lebih penting",
    # --- h-hr-b ---
    "Direction must be one of %(directions)s.": "Arah harus salah satu dari %(directions)s.",
    "Rollup must be empty or one of %(rollups)s.": "Kolom rollup harus kosong atau salah satu dari %(rollups)s.",
    "1 public answer": "1 jawaban publik",
    "%(count)s public answers": "%(count)s jawaban publik",
    "The IKM page: each unsur, the sample, the suggestions and the report":
        "Halaman IKM: setiap unsur, sampel, saran, dan laporannya",
    "This round asks no questions on the 1-5 scale yet: add them, or create the SKM questionnaire, on the round's page.":
        "Putaran ini belum mengajukan pertanyaan berskala 1-5: tambahkan, atau buat kuesioner SKM, di halaman putaran.",
    "Round number": "Nomor putaran", "Version": "Versi", "How many": "Jumlah", "To": "Menjadi",
    "Sent by": "Dikirim lewat", "With": "Beserta", "Added": "Ditambahkan", "Updated": "Diperbarui",
    "Round still open": "Putaran masih terbuka", "Rollup": "Turunan nilai", "Reminder": "Pengingat",
    "Owners": "Pemilik", "Note": "Catatan", "Moved": "Dipindahkan", "Maker disabled": "Pembuat dinonaktifkan",
    "Grade": "Mutu", "Decimals": "Desimal", "Public answers per day at most": "Jawaban publik per hari paling banyak",
    "Shared by hand": "Dibagikan langsung", "Purpose": "Tujuan", "Direction": "Arah",
    "Measurement frequency": "Frekuensi pengukuran", "Review frequency": "Frekuensi peninjauan",
    "RI table": "Tabel RI", "Priority method": "Metode prioritas", "yes": "ya", "no": "tidak",
    "link sent": "tautan dikirim", "enabled": "diaktifkan", "email": "email", "up": "naik", "down": "turun",
    "global weights": "bobot global", "local weights": "bobot lokal", "higher is better": "lebih tinggi lebih baik",
    "lower is better": "lebih rendah lebih baik", "their sum": "jumlahnya", "administrator": "administrator",
    "viewer": "pembaca",
    "(in millions)": "(dalam juta)", "(in billions)": "(dalam miliar)",
    "set-password link copied": "tautan atur kata sandi disalin",
    "A mail server is set: send the link by email instead.":
        "Server email sudah diatur: kirim tautannya melalui email saja.",
    "%(email)s is disabled: enable them first.": "%(email)s dinonaktifkan: aktifkan dulu.",
    "%(email)s is invited. No mail server is set, so the email stays in the outbox: copy their set-password link below and pass it on.":
        "%(email)s diundang. Server email belum diatur, jadi emailnya tetap di kotak keluar: salin tautan atur "
        "kata sandinya di bawah ini dan berikan kepadanya.",
    "Make a set-password link to copy": "Buat tautan atur kata sandi untuk disalin",
    "Set-password link for %(name)s: copy it and give it to them yourself. It works once, within %(hours)d hours.":
        "Tautan atur kata sandi untuk %(name)s: salin dan berikan sendiri kepadanya. Tautan ini berlaku sekali, "
        "dalam %(hours)d jam.",
    "No mail server is set: after inviting, make their set-password link here and pass it on yourself. The link works once, within %(hours)d hours.":
        "Server email belum diatur: setelah mengundang, buat tautan atur kata sandinya di sini dan berikan "
        "sendiri. Tautan berlaku sekali, dalam %(hours)d jam.",
    "Weight level must be one of %(levels)s.": "Tingkat bobot harus salah satu dari %(levels)s.",
    "Every weight of a file is of one level: all local or all global.":
        "Semua bobot dalam satu berkas setingkat: semuanya lokal atau semuanya global.",
    "Index (0-10)": "Indeks (0-10)", "Subtotals": "Subtotal",
    # --- h-hr-a ---
    "Pairs without an answer: %(count)s. See the marked ones below.":
        "Pasangan yang belum dijawab: %(count)s. Lihat yang ditandai di bawah.",
    "Every pair is answered, but some answers cannot be saved as they are: see the marked ones below.":
        "Semua pasangan sudah dijawab, tetapi beberapa jawaban belum dapat disimpan seperti itu: lihat yang "
        "ditandai di bawah.",
    "You typed a rating and ticked \"don't know\": clear the number or untick the box.":
        "Anda mengetik penilaian dan mencentang \"tidak tahu\": hapus angkanya atau hilangkan centangnya.",
    "Change these answers": "Ubah jawaban ini",
    "This version is used by the survey round %(rounds)s and cannot change: its answers refer to its elements.":
        "Versi ini dipakai oleh putaran survei %(rounds)s dan tidak dapat diubah: jawabannya merujuk ke "
        "elemen-elemennya.",
    "Personal link of %(name)s": "Tautan pribadi %(name)s",
    "Copy": "Salin",
    "Copied": "Tersalin",
    "Nobody is invited yet: there is nobody to remind.": "Belum ada yang diundang: tidak ada yang perlu diingatkan.",
    "Everyone has finished: there is nobody to remind.": "Semua sudah selesai: tidak ada yang perlu diingatkan.",
    "Nobody who has not finished has an email: remind them by hand (%(count)d, listed under \"To remind by hand\" on "
    "the round's page).":
        "Tidak ada yang belum selesai yang memiliki email: ingatkan mereka secara langsung (%(count)d orang, "
        "tercantum di bawah \"Diingatkan secara langsung\" di halaman putaran).",
    "%(count)d people who have not finished will be reminded by email.":
        "%(count)d orang yang belum selesai akan diingatkan lewat email.",
    "%(count)d who have not finished have no email: remind them by hand (listed under \"To remind by hand\" on the "
    "round's page).":
        "%(count)d orang yang belum selesai tidak memiliki email: ingatkan mereka secara langsung (tercantum di "
        "bawah \"Diingatkan secara langsung\" di halaman putaran).",
    "Remind who has not finished?": "Ingatkan yang belum selesai?",
    "Send the reminders": "Kirim pengingat",
    "Pairwise comparisons": "Perbandingan berpasangan",
    "Direct rating": "Penilaian langsung",
    "Published weights": "Bobot yang diterbitkan",
    "Personal scorecards": "Kartu skor pribadi",
    "Used by: %(kinds)s.": "Dipakai oleh: %(kinds)s.",
    # --- net ---
    "%(n)d links added from the strategy map.": "%(n)d tautan ditambahkan dari peta strategi.",
    "%(n)d strategy map arrows": "%(n)d panah peta strategi",
    "%(n)d network links": "%(n)d tautan jaringan",
    "Choose two clusters of the scorecard.": "Pilih dua klaster kartu skor.",
    "The strategy map's arrows differ from the network's links between objectives (on the map only: %(map)s; "
    "in the network only: %(network)s). The round weighs by the network's links.":
        "Panah peta strategi berbeda dari tautan jaringan antarsasaran (hanya di peta: %(map)s; hanya di "
        "jaringan: %(network)s). Putaran ini membobot menurut tautan jaringan.",
    "Links, cluster by cluster": "Tautan per pasangan klaster",
    "Each box opens one matrix: the elements of the row's cluster that influence the elements of the column's "
    "cluster.": "Setiap kotak membuka satu matriks: elemen klaster baris yang memengaruhi elemen klaster kolom.",
    "influences →": "memengaruhi →",
    "%(sources)s that influence %(targets)s": "%(sources)s yang memengaruhi %(targets)s",
    "Links: %(n)s": "Tautan: %(n)s",
    "Add the strategy map's arrows as links": "Tambahkan panah peta strategi sebagai tautan",
    "Element by element": "Per elemen",
    "Tick a box when the element of its row influences the element of its column. Read along a row: what the "
    "element influences; read down a column: what the element is influenced by.":
        "Centang kotak bila elemen barisnya memengaruhi elemen kolomnya. Baca sepanjang baris: apa yang "
        "dipengaruhi elemen itu; baca ke bawah kolom: elemen itu dipengaruhi oleh apa.",
    "Influences": "Pengaruh",
    "Rows influence columns": "Baris memengaruhi kolom",
    "↓ is influenced by": "↓ dipengaruhi oleh",
    "%(source)s influences %(target)s": "%(source)s memengaruhi %(target)s",
    "Read by column": "Dibaca per kolom",
    "%(element)s is influenced by: %(sources)s": "%(element)s dipengaruhi oleh: %(sources)s",
    "The arrows are the office's picture of cause and effect; the weights of a network (ANP) round come from the "
    "network's own links, which the network page sets.":
        "Panah menggambarkan sebab-akibat menurut kantor; bobot putaran jaringan (ANP) berasal dari tautan "
        "jaringan itu sendiri, yang diatur di halaman jaringan.",
    # --- intervals ---
    "Interval": "Interval",
    "Keeps its rank": "Mempertahankan peringkat",
    "How sure these weights are: the respondents were drawn again at random, %(resamples)s times, and the weights "
    "computed each time as for the round. A KPI's weight lay inside its 90 %% interval in 9 draws of 10; \"keeps "
    "its rank\" says how often it kept the place it has above.":
        "Seberapa pasti bobot ini: responden diambil ulang secara acak, %(resamples)s kali, dan bobot dihitung setiap "
        "kali seperti pada putaran ini. Bobot sebuah IKU berada di dalam interval 90 %% pada 9 dari 10 pengambilan; "
        "\"mempertahankan peringkat\" menyatakan seberapa sering IKU itu tetap di urutan yang tertera di atas.",
    "%(first)s above %(second)s is close to a coin toss: the order held in %(share)s%% of the draws.":
        "%(first)s di atas %(second)s hampir untung-untungan: urutan itu bertahan pada %(share)s%% pengambilan.",
    "Choose an element compared with others.": "Pilih elemen yang dibandingkan dengan elemen lain.",
    "Give a weight above 0 and below 100.": "Isikan bobot di atas 0 dan di bawah 100.",
    "Would the ranking change?": "Apakah peringkat akan berubah?",
    "The heaviest KPIs now: %(kpis)s. For each weight: how low or how high it may go, the other weights of its "
    "group rescaled in proportion, before two KPIs change places, one of them among these.":
        "IKU terberat saat ini: %(kpis)s. Untuk setiap bobot: seberapa rendah atau tinggi bobot itu boleh bergeser, "
        "bobot lain dalam kelompoknya disesuaikan secara proporsional, sebelum dua IKU bertukar tempat, salah satunya "
        "dari IKU tersebut.",
    "Weight in its group": "Bobot dalam kelompoknya",
    "Order changes at or below": "Urutan berubah pada atau di bawah",
    "Order changes at or above": "Urutan berubah pada atau di atas",
    "never": "tidak pernah",
    "What if": "Bagaimana jika",
    "weighed (percent of its group)": "berbobot (persen dari kelompoknya)",
    "Try": "Coba",
    "If %(element)s weighed %(weight)s%% of its group": "Jika %(element)s berbobot %(weight)s%% dari kelompoknya",
    "Who agrees with whom": "Siapa sependapat dengan siapa",
    "Respondents are grouped when every two of them agree at least %(threshold)s%% (consensus S* of their global "
    "weights); each group's weights are computed from its members alone.":
        "Responden dikelompokkan bila setiap dua di antaranya sependapat sedikitnya %(threshold)s%% (konsensus S* "
        "bobot global mereka); bobot setiap kelompok dihitung dari anggotanya saja.",
    "Agreement within a group (percent)": "Kesepakatan dalam kelompok (persen)",
    "Group again": "Kelompokkan ulang",
    "Group %(n)s": "Kelompok %(n)s",
    "%(count)s respondents": "%(count)s responden",
    "Weights by group": "Bobot per kelompok",
    "The judgments that separate the groups most": "Penilaian yang paling membedakan kelompok",
    "%(first)s against %(second)s": "%(first)s terhadap %(second)s",
    "90 in 100 draws between": "90 dari 100 pengambilan antara",
    "How sure are these weights?": "Seberapa pasti bobot ini?",
    "Would the signal change?": "Apakah sinyal akan berubah?",
    "How far each weight may move, the other weights of its group rescaled in proportion, before the index's "
    "light or predikat changes (index now %(index)s), the weight a smaller move would tip first; weights no move "
    "tips are left out.":
        "Seberapa jauh setiap bobot boleh bergeser, bobot lain dalam kelompoknya disesuaikan secara proporsional, "
        "sebelum lampu atau predikat indeks berubah (indeks saat ini %(index)s), dimulai dari bobot yang berubah "
        "dengan pergeseran terkecil; bobot yang tidak pernah mengubah sinyal tidak dicantumkan.",
    "Signal changes at or below": "Sinyal berubah pada atau di bawah",
    "Signal changes at or above": "Sinyal berubah pada atau di atas",
    # --- delphi ---
    "If you changed an answer, why?": "Jika Anda mengubah jawaban, mengapa?",
    "%(completed)d of %(invited)d participants have finished: each of them is asked again, page by page, with the "
    "group's answer beside their own, and may keep or change each answer, saying why.":
        "%(completed)d dari %(invited)d peserta telah selesai: masing-masing ditanya lagi, halaman demi halaman, "
        "dengan jawaban kelompok di samping jawabannya sendiri, dan boleh mempertahankan atau mengubah setiap "
        "jawaban dengan menyebutkan alasannya.",
    "Those with an email get it with their link; the round takes their answers again until you close it. The "
    "results of the first round are kept and shown beside the new ones.":
        "Yang memiliki surel menerimanya bersama tautannya; putaran menerima jawaban mereka lagi sampai Anda "
        "menutupnya. Hasil putaran pertama disimpan dan ditampilkan di samping hasil yang baru.",
    "Open a feedback round of %(title)s?": "Buka putaran umpan balik untuk %(title)s?",
    "Open the feedback round": "Buka putaran umpan balik",
    "Feedback round opened: %(count)d respondents are asked to review their answers.":
        "Putaran umpan balik dibuka: %(count)d responden diminta meninjau jawabannya.",
    "no group answer on this page yet": "belum ada jawaban kelompok di halaman ini",
    "Your answer: %(own)s. The group: %(group)s.": "Jawaban Anda: %(own)s. Kelompok: %(group)s.",
    "This round's first answers are closed: review each page in its feedback round.":
        "Jawaban pertama putaran ini sudah ditutup: tinjau setiap halaman dalam putaran umpan baliknya.",
    "This round's feedback round is only for those who finished the round.":
        "Putaran umpan balik ini hanya untuk mereka yang telah menyelesaikan putaran.",
    "Feedback round opened": "Putaran umpan balik dibuka",
    "Only a round of pairwise comparisons between comparison groups can have a feedback round.":
        "Hanya putaran perbandingan berpasangan antarkelompok pembanding yang dapat memiliki putaran umpan balik.",
    "This round's feedback round was opened already.": "Putaran umpan balik untuk putaran ini sudah dibuka.",
    "Close the round first: a feedback round reviews the answers of a closed round.":
        "Tutup putaran terlebih dahulu: putaran umpan balik meninjau jawaban putaran yang sudah ditutup.",
    "Nobody has finished the round: there is nothing to review.":
        "Belum ada yang menyelesaikan putaran: tidak ada yang dapat ditinjau.",
    "This round has no feedback round open for you.": "Tidak ada putaran umpan balik yang terbuka untuk Anda.",
    "You did not answer this page in the round: there is nothing to review on it.":
        "Anda tidak menjawab halaman ini dalam putaran: tidak ada yang dapat ditinjau di sini.",
    "You reviewed this page already.": "Anda sudah meninjau halaman ini.",
    "You changed an answer: please say why, in a few words.":
        "Anda mengubah jawaban: mohon sebutkan alasannya dalam beberapa kata.",
    "Say why in at most %(limit)d characters.": "Sebutkan alasannya dalam paling banyak %(limit)d karakter.",
    "Your answers beside the group's: %(title)s": "Jawaban Anda di samping jawaban kelompok: %(title)s",
    "Thank you for answering the survey \"%(title)s\". Its feedback round is open: on each page you see your "
    "answers beside the group's and may keep or change them, saying why. Your personal link is:":
        "Terima kasih telah menjawab survei \"%(title)s\". Putaran umpan baliknya telah dibuka: di setiap halaman "
        "Anda melihat jawaban Anda di samping jawaban kelompok dan boleh mempertahankan atau mengubahnya dengan "
        "menyebutkan alasannya. Tautan pribadi Anda:",
    "Feedback round: before and after": "Putaran umpan balik: sebelum dan sesudah",
    "Opened on %(when)s for %(count)d respondents. \"Before\": the answers of the first round; \"after\": with "
    "the answers kept or changed in the feedback round.":
        "Dibuka pada %(when)s untuk %(count)d responden. \"Sebelum\": jawaban putaran pertama; \"sesudah\": "
        "dengan jawaban yang dipertahankan atau diubah dalam putaran umpan balik.",
    "Reviewed by %(reviewed)d, changed by %(changed)d.": "Ditinjau oleh %(reviewed)d, diubah oleh %(changed)d.",
    "Change (points)": "Perubahan (poin)",
    "Why answers changed": "Alasan jawaban diubah",
    "Open a feedback round": "Buka putaran umpan balik",
    "Each respondent who finished sees the group's answer beside their own and may keep or change it.":
        "Setiap responden yang telah selesai melihat jawaban kelompok di samping jawabannya sendiri dan boleh "
        "mempertahankan atau mengubahnya.",
    "Feedback round opened on %(when)s.": "Putaran umpan balik dibuka pada %(when)s.",
    "Feedback round": "Putaran umpan balik",
    "Beside each of your answers is the group's answer: the geometric mean of everyone's answers in the first "
    "round. Keep your answer or change it; if you change one, say why at the end of the page.":
        "Di samping setiap jawaban Anda tertera jawaban kelompok: rata-rata geometrik jawaban semua responden pada "
        "putaran pertama. Pertahankan atau ubah jawaban Anda; jika Anda mengubahnya, sebutkan alasannya di akhir "
        "halaman.",
    "Nothing was saved: see the marked answers below.": "Belum ada yang disimpan: lihat jawaban yang ditandai di bawah.",
    "Respondents asked to review their answers": "Responden yang diminta meninjau jawabannya",
    "\"Before\": the answers of the first round; \"after\": with the answers kept or changed in the feedback round.":
        "\"Sebelum\": jawaban putaran pertama; \"sesudah\": dengan jawaban yang dipertahankan atau diubah dalam "
        "putaran umpan balik.",
    "Global weights of the KPIs": "Bobot global IKU",
    "on each page you see your answers beside the group's and may keep or change them, saying why.":
        "di setiap halaman Anda melihat jawaban Anda di samping jawaban kelompok dan boleh mempertahankan atau "
        "mengubahnya dengan menyebutkan alasannya.",
    # --- pk ---
    "In order to achieve effective, transparent and accountable government management oriented towards results, "
    "the undersigned:":
        "Dalam rangka mewujudkan manajemen pemerintahan yang efektif, transparan dan akuntabel serta berorientasi "
        "pada hasil, yang bertanda tangan di bawah ini:",
    "promises to achieve the performance targets set out in the annex to this agreement, in order to reach the "
    "medium-term performance targets laid down in the planning documents.":
        "berjanji akan mewujudkan target kinerja yang seharusnya sesuai lampiran perjanjian ini dalam rangka "
        "mencapai target kinerja jangka menengah seperti yang telah ditetapkan dalam dokumen perencanaan.",
    "The success or failure in achieving these performance targets is our responsibility.":
        "Keberhasilan dan kegagalan pencapaian target kinerja tersebut menjadi tanggung jawab kami.",
    "PERFORMANCE AGREEMENT %(year)s": "PERJANJIAN KINERJA TAHUN %(year)s",
    "ANNEX TO THE PERFORMANCE AGREEMENT %(year)s": "LAMPIRAN PERJANJIAN KINERJA TAHUN %(year)s",
    "Performance agreement": "Perjanjian Kinerja",
    "Provisional: the values of %(period)s are not yet verified.": "Sementara: nilai %(period)s belum diverifikasi.",
    "Position": "Jabatan", "NIP": "NIP", "No.": "No",
    "Strategic objective": "Sasaran Strategis", "Performance indicator": "Indikator Kinerja",
    "Programme": "Program", "Budget (Rp)": "Anggaran (Rp)", "Total budget": "Jumlah",
    "No programme entered for this year.": "Belum ada program untuk tahun ini.",
    "Performance realisation %(year)s": "Realisasi Kinerja %(year)s", "Realisation": "Realisasi",
    "Realisation to date": "Realisasi s.d. saat ini", "Target %(year)s": "Target %(year)s",
    "Achievement (%)": "Capaian (%)",
    "Name the scorecard version by its year (such as 2026) to print its yearly documents; '%(label)s' does not say "
    "one year.":
        "Beri nama versi scorecard dengan tahunnya (misalnya 2026) untuk mencetak dokumen tahunannya; '%(label)s' "
        "tidak menyebut satu tahun.",
    "Set the Perjanjian Kinerja's two signatories (name and position) in the settings first.":
        "Isi dahulu dua penanda tangan Perjanjian Kinerja (nama dan jabatan) di pengaturan.",
    "Give the %(who)s's %(what)s.": "Isi %(what)s %(who)s.",
    "A NIP is 18 digits; '%(nip)s' is not.": "NIP terdiri atas 18 angka; '%(nip)s' tidak.",
    "unit's head (first signatory)": "kepala unit (penanda tangan pertama)",
    "superior (second signatory)": "atasan (penanda tangan kedua)",
    "name": "nama", "position": "jabatan", "budget": "anggaran",
    "Give the programme's code.": "Isi kode program.", "Give the programme's name.": "Isi nama program.",
    "Budget '%(value)s' is not a number.": "Anggaran '%(value)s' bukan angka.",
    "A budget is a rupiah amount of 0 or more.": "Anggaran adalah jumlah rupiah 0 atau lebih.",
    "'%(codes)s' is not an objective (sasaran) code of this scorecard.":
        "'%(codes)s' bukan kode sasaran scorecard ini.",
    "Programme code %(code)s is used twice.": "Kode program %(code)s dipakai dua kali.",
    "'%(code)s' is not a programme of this scorecard.": "'%(code)s' bukan program scorecard ini.",
    "Place of signing (city)": "Tempat penandatanganan (kota)", "Unit head's name": "Nama kepala unit",
    "Unit head's position": "Jabatan kepala unit", "Unit head's NIP (optional)": "NIP kepala unit (boleh kosong)",
    "Superior's name": "Nama atasan", "Superior's position": "Jabatan atasan",
    "Superior's NIP (optional)": "NIP atasan (boleh kosong)",
    "Objectives served (codes, separated by commas)": "Sasaran yang didukung (kode, dipisah koma)",
    "Programmes and SAKIP documents": "Program dan dokumen SAKIP", "Documents": "Dokumen",
    "The Perjanjian Kinerja (statement and annex: the targets of the year and the programmes with their budget) as a "
    "DOCX to edit in Word and as a PDF; the realisation report (target, realisation by period, realisation to date, "
    "capaian and predikat, the owners' analysis) as an XLSX and a PDF. Periods whose values are not yet verified "
    "are marked provisional.":
        "Perjanjian Kinerja (pernyataan dan lampiran: target tahun ini serta program dengan anggarannya) sebagai DOCX "
        "yang dapat disunting di Word dan sebagai PDF; laporan realisasi (target, realisasi per periode, realisasi "
        "s.d. saat ini, capaian dan predikat, analisis pemilik IKU) sebagai XLSX dan PDF. Periode yang nilainya belum "
        "diverifikasi ditandai sementara.",
    "Date of signing": "Tanggal penandatanganan",
    "Perjanjian Kinerja (DOCX)": "Perjanjian Kinerja (DOCX)", "Perjanjian Kinerja (PDF)": "Perjanjian Kinerja (PDF)",
    "Realisation report": "Laporan realisasi", "Programmes": "Program", "Objectives served": "Sasaran yang didukung",
    "Add or change a programme": "Tambah atau ubah program",
    "A code already listed changes that programme. Objectives: %(codes)s.":
        "Kode yang sudah ada mengubah program tersebut. Sasaran: %(codes)s.",
    "Import programmes": "Impor program",
    "Columns: code, name, budget (rupiah), objectives (objective codes separated by commas). A code already listed "
    "is changed, a new one added. Nothing is imported if any row is wrong.":
        "Kolom: code, name, budget (rupiah), objectives (kode sasaran dipisah koma). Kode yang sudah ada diubah, "
        "kode baru ditambahkan. Tidak ada yang diimpor bila satu baris pun salah.",
    "Perjanjian Kinerja signatories": "Penanda tangan Perjanjian Kinerja",
    "Who signs the Perjanjian Kinerja: the unit's head, who promises the targets, and the superior (for a Kepala "
    "Dinas the Bupati or Walikota). A NIP is 18 digits.":
        "Yang menandatangani Perjanjian Kinerja: kepala unit, yang menjanjikan target, dan atasannya (untuk Kepala "
        "Dinas: Bupati atau Walikota). NIP terdiri atas 18 angka.",
    "Give the date of signing as a date, such as 2026-01-31.":
        "Tulis tanggal penandatanganan sebagai tanggal, misalnya 2026-01-31.",
    "This version has no KPI yet: add its KPIs to report their realisation.":
        "Versi ini belum memiliki IKU: tambahkan IKU-nya untuk melaporkan realisasinya.",
    # --- skm ---
    "Answers": "Jawaban", "Total of the answers": "Jumlah nilai",
    "Weighted NRR (NRR × 0.111)": "NRR tertimbang (NRR × 0,111)", "Sum of the weighted NRR": "Jumlah NRR tertimbang",
    "Every unsur weighs the same, 1/9. Reports print the weight as 0.111; the IKM here uses 1/9 exactly, so it "
    "can be up to 0.1 percent above 25 × the sum of the weighted NRR column.":
        "Setiap unsur berbobot sama, 1/9. Laporan mencetak bobot itu sebagai 0,111; IKM di sini memakai 1/9 "
        "tepat, sehingga dapat lebih tinggi hingga 0,1 persen dari 25 × jumlah kolom NRR tertimbang.",
    "Service": "Layanan", "All services": "Semua layanan", "IKM per service": "IKM per jenis layanan",
    "Each respondent counts under the service they named in their profile; NRR per unsur (1-4).":
        "Setiap responden dihitung pada jenis layanan yang ia sebutkan dalam profilnya; NRR per unsur (1-4).",
    "Suggestion": "Saran",
    "Answers of each respondent": "Jawaban setiap responden", "Table per unsur": "Tabel per unsur",
    "The service named in this link is not one of this survey's: choose the service you received below.":
        "Layanan yang disebut dalam tautan ini tidak termasuk dalam survei ini: pilih layanan yang Anda terima di bawah.",
    "A link, QR code and poster per service (the service is filled in; visitors may change it)":
        "Tautan, kode QR, dan poster per jenis layanan (layanannya sudah terisi; pengunjung dapat mengubahnya)",
    "This round's list of services has no such service: take a poster from the list on this page.":
        "Daftar layanan survei ini tidak memuat layanan tersebut: ambil poster dari daftar di halaman ini.",
    # --- h-whatif ---
    "Move the weight": "Geser bobotnya",
    "No weight can move far enough to change the index's light or predikat.":
        "Tidak ada bobot yang dapat bergeser cukup jauh untuk mengubah lampu atau predikat indeks.",
    "Try a weight": "Coba bobot lain",
    "now": "saat ini",
    "Weight now": "Bobot saat ini",
    "The signal changes.": "Sinyal berubah.",
    "Every weighted KPI must be scored before a weight can be tried.":
        "Setiap IKU berbobot harus sudah dinilai sebelum sebuah bobot dapat dicoba.",
    "Page by page": "Halaman demi halaman",
    "The same threshold, with each page's weights alone: respondents may agree on one page and part on another.":
        "Ambang yang sama, dengan bobot setiap halaman saja: responden dapat sependapat di satu halaman dan "
        "berbeda pendapat di halaman lain.",
    "one group": "satu kelompok",
    "%(count)s groups": "%(count)s kelompok",
    # --- lkjip ---
    "Realisation (Rp)": "Realisasi (Rp)", "First year": "Tahun pertama", "Last year": "Tahun terakhir",
    "Plan": "Rencana strategis", "Final target": "Target akhir", "National standard (optional)": "Standar nasional (bila ada)",
    "Plan (Renstra)": "Rencana Strategis (Renstra)", "KPI code this year": "Kode IKU tahun ini",
    "Earlier year": "Tahun sebelumnya", "Its code that year (blank: remove the link)":
        "Kodenya pada tahun itu (kosong: hapus tautan)",
    "Realisation %(year)s": "Realisasi %(year)s", "Achievement %(year)s (%%)": "Capaian %(year)s (%%)",
    "Final target %(first)s-%(last)s": "Target akhir %(first)s-%(last)s", "Realisation to %(year)s": "Realisasi s.d. %(year)s",
    "Achievement of the final target (%)": "Capaian terhadap target akhir (%)", "National standard": "Standar nasional",
    "Budget absorbed (%)": "Penyerapan anggaran (%)", "Budget absorbed": "Penyerapan anggaran",
    "GOVERNMENT AGENCY PERFORMANCE REPORT %(year)s": "LAPORAN KINERJA INSTANSI PEMERINTAH TAHUN %(year)s",
    "CHAPTER II PERFORMANCE PLANNING": "BAB II PERENCANAAN KINERJA",
    "Performance agreement %(year)s": "Perjanjian Kinerja Tahun %(year)s",
    "CHAPTER III PERFORMANCE ACCOUNTABILITY": "BAB III AKUNTABILITAS KINERJA",
    "A. Organisational performance achievement": "A. Capaian Kinerja Organisasi",
    "Strategic plan: %(plan)s (%(first)s-%(last)s)": "Rencana Strategis: %(plan)s (%(first)s-%(last)s)",
    "Objective %(number)s: %(name)s": "Sasaran %(number)s: %(name)s", "Analysis of the achievement": "Analisis capaian",
    "The KPI owners entered no root cause or action for this year.":
        "Pemilik IKU belum mengisi akar masalah atau tindakan untuk tahun ini.",
    "Supporting programmes": "Program pendukung",
    "No programme serves this objective.": "Belum ada program yang mendukung sasaran ini.",
    "ANNEX: PERFORMANCE AGREEMENT %(year)s": "LAMPIRAN: PERJANJIAN KINERJA TAHUN %(year)s",
    "%(n)d programmes": "%(n)d program", "%(n)d links between years": "%(n)d tautan antartahun",
    "realisation": "realisasi", "Give a year such as 2025.": "Tulis tahun, misalnya 2025.",
    "Give the plan a name, such as Renstra 2025-2029.": "Beri nama rencana, misalnya Renstra 2025-2029.",
    "A plan runs from its first year to a later one, at most %(years)s years.":
        "Rencana berjalan dari tahun pertamanya hingga tahun yang sama atau sesudahnya, paling lama %(years)s tahun.",
    "final target": "target akhir", "national standard": "standar nasional", "Give the KPI's code.": "Isi kode IKU.",
    "Give the final target, the national standard or both.": "Isi target akhir, standar nasional, atau keduanya.",
    "Choose one of the office's plans.": "Pilih salah satu rencana strategis kantor ini.",
    "%(label)s is not a year of %(plan)s (%(first)s-%(last)s).":
        "%(label)s bukan salah satu tahun %(plan)s (%(first)s-%(last)s).",
    "'%(code)s' is not a KPI of this scorecard.": "'%(code)s' bukan IKU scorecard ini.",
    "Choose a version of this scorecard named by an earlier year.":
        "Pilih versi scorecard ini yang dinamai dengan tahun sebelumnya.",
    "'%(code)s' is not a KPI of %(label)s.": "'%(code)s' bukan IKU %(label)s.",
    "Plans (Renstra)": "Rencana Strategis (Renstra)",
    "A plan above the years gives each KPI, by its code, the final target of the plan period and, where there is "
    "one, the national standard. Each year's scorecard version names its plan on its Programmes and SAKIP documents "
    "page; the LKjIP sets the year's realisation against the final target.":
        "Rencana strategis di atas tahunan memberi setiap IKU, menurut kodenya, target akhir periode rencana dan, "
        "bila ada, standar nasionalnya. Versi scorecard setiap tahun menyebut rencananya di halaman Program dan "
        "dokumen SAKIP; LKjIP membandingkan realisasi tahun itu dengan target akhir.",
    "No final target entered yet.": "Belum ada target akhir yang diisi.", "No plan yet.": "Belum ada rencana strategis.",
    "New plan": "Rencana strategis baru",
    "For example Renstra 2025-2029, from 2025 to 2029.": "Misalnya Renstra 2025-2029, dari 2025 sampai 2029.",
    "Final target of a KPI": "Target akhir IKU",
    "A code already listed in the plan changes its line.": "Kode yang sudah ada dalam rencana mengubah barisnya.",
    "The LKjIP: chapter II (the Perjanjian Kinerja's tables) and chapter III.A (per objective: target, realisation "
    "and capaian of this year and earlier years, the plan's final target and the national standard, the owners' "
    "analysis, the programmes with their budget realisation), with the Perjanjian Kinerja as annex.":
        "LKjIP: bab II (tabel Perjanjian Kinerja) dan bab III.A (per sasaran: target, realisasi, dan capaian tahun "
        "ini dan tahun-tahun sebelumnya, target akhir Renstra dan standar nasional, analisis pemilik IKU, program "
        "beserta realisasi anggarannya), dengan Perjanjian Kinerja sebagai lampiran.",
    "LKjIP (DOCX)": "LKjIP (DOCX)", "LKjIP (PDF)": "LKjIP (PDF)", "Plan and earlier years": "Renstra dan tahun sebelumnya",
    "Earlier years are this scorecard's versions named by an earlier year; a KPI is compared with the KPI of the same "
    "code there, or with the one linked below when it was renamed or recoded.":
        "Tahun sebelumnya adalah versi scorecard ini yang dinamai dengan tahun sebelumnya; IKU dibandingkan dengan IKU "
        "berkode sama di sana, atau dengan IKU yang ditautkan di bawah bila nama atau kodenya berubah.",
    "Its code that year": "Kodenya pada tahun itu", "Link": "Tautkan", "not yet verified": "belum diverifikasi",
    "No earlier year's version of this scorecard.": "Belum ada versi scorecard ini untuk tahun sebelumnya.",
    "Columns: code, name, budget (rupiah), objectives (objective codes separated by commas), realisation (rupiah "
    "spent, optional). A code already listed is changed, a new one added. Nothing is imported if any row is wrong.":
        "Kolom: code, name, budget (rupiah), objectives (kode sasaran dipisah koma), realisation (rupiah yang "
        "terpakai, boleh kosong). Kode yang sudah ada diubah, kode baru ditambahkan. Tidak ada yang diimpor bila "
        "satu baris pun salah.",
    # --- counter ---
    "Only a satisfaction round can be answered at a counter.":
        "Hanya survei kepuasan yang dapat dijawab di loket.",
    "Name the device after its counter, e.g. \"Counter 1\".": "Beri nama perangkat sesuai loketnya, misalnya \"Loket 1\".",
    "Choose one of the services of the survey's profile, or none.":
        "Pilih salah satu jenis layanan dalam profil survei, atau tidak sama sekali.",
    "No such counter device.": "Perangkat loket itu tidak ada.",
    "This counter's link was revoked: it takes no answers. Please ask the staff for help.":
        "Tautan loket ini sudah dicabut: tidak menerima jawaban. Silakan minta bantuan petugas.",
    "Many answers came from this counter in the last minute, so this one cannot be taken now. Please wait a moment "
    "and press save again.":
        "Banyak jawaban datang dari loket ini dalam satu menit terakhir, sehingga jawaban ini belum dapat diterima. "
        "Tunggu sebentar lalu tekan simpan lagi.",
    "Counter device made": "Perangkat loket dibuat", "Counter device revoked": "Perangkat loket dicabut",
    "Name of the counter": "Nama loket", "Service filled in": "Layanan yang terisi",
    "None: the visitor chooses": "Tidak ada: pengunjung memilih sendiri",
    "Revoked: this device's link takes no more answers.": "Dicabut: tautan perangkat ini tidak menerima jawaban lagi.",
    "Counter devices": "Perangkat loket",
    "A tablet at a service counter on which visitor after visitor answers (kiosk), and a live screen of the "
    "current IKM for a TV. Each device has its own link: open it on the tablet or the TV. Revoke it when the "
    "device is lost or retired.":
        "Tablet di loket pelayanan tempat pengunjung menjawab satu demi satu (kios), dan layar langsung IKM saat ini "
        "untuk televisi. Setiap perangkat mempunyai tautannya sendiri: buka di tablet atau televisi. Cabut tautannya "
        "bila perangkat hilang atau tidak dipakai lagi.",
    "A tablet takes at most %(count)s answers a minute, and answers of visitors one after another without asking "
    "whether the browser answered before.":
        "Satu tablet menerima paling banyak %(count)s jawaban per menit, dan menerima jawaban pengunjung satu demi "
        "satu tanpa menanyakan apakah peramban itu pernah menjawab.",
    "Copy these links now; they are not shown again:": "Salin tautan ini sekarang; tautan tidak ditampilkan lagi:",
    "Kiosk for the tablet": "Kios untuk tablet", "Live screen for a TV": "Layar langsung untuk televisi",
    "No counter devices yet.": "Belum ada perangkat loket.", "Add a counter device": "Tambah perangkat loket",
    "Make its links": "Buat tautannya",
    "Counter devices: a tablet (kiosk) and a live screen of the IKM":
        "Perangkat loket: tablet (kios) dan layar langsung IKM",
    "Next visitor": "Pengunjung berikutnya", "Satisfaction index now": "Indeks kepuasan saat ini",
    "This survey has no SKM questionnaire, so it has no satisfaction index (IKM).":
        "Survei ini tidak memakai kuesioner SKM, sehingga tidak mempunyai indeks kepuasan (IKM).",
    "Answers: %(count)s": "Jawaban: %(count)s", "Satisfaction index (IKM)": "Indeks Kepuasan Masyarakat (IKM)",
    "Respondents: %(count)s": "Responden: %(count)s",
    "This screen updates itself every %(seconds)s seconds.": "Layar ini diperbarui sendiri setiap %(seconds)s detik.",
    "Saved on this device, will be sent when the connection returns.":
        "Disimpan di perangkat ini, akan dikirim saat koneksi kembali.",
    # --- skmtrend ---
    "Period of the survey": "Periode survei", "Unit responsible": "Unit penanggung jawab", "Due date": "Batas waktu",
    "What was done": "Yang telah dilakukan", "The follow-up is saved.": "Tindak lanjut disimpan.",
    "Period of a satisfaction survey set": "Periode survei kepuasan ditetapkan",
    "Follow-up of a satisfaction survey planned": "Tindak lanjut survei kepuasan direncanakan",
    "Follow-up of a satisfaction survey updated": "Tindak lanjut survei kepuasan diperbarui",
    "Follow-up number": "Nomor tindak lanjut", "planned": "direncanakan", "under way": "sedang berjalan",
    "carried out": "terlaksana",
    "A satisfaction survey covers a year, a semester or a quarter, e.g. 2026, 2026-S1 or 2026-Q2; "
    "'%(period)s' is none of them.":
        "Survei kepuasan mencakup satu tahun, semester, atau triwulan, mis. 2026, 2026-S1, atau 2026-Q2; "
        "'%(period)s' bukan salah satunya.",
    "Only a satisfaction round has follow-ups of its IKM.": "Hanya survei kepuasan yang memiliki tindak lanjut IKM.",
    "Choose one of the unsur U1-U9.": "Pilih salah satu unsur U1-U9.",
    "Say what will be done.": "Sebutkan apa yang akan dilakukan.",
    "Name the unit responsible.": "Sebutkan unit penanggung jawab.",
    "Give the due date, such as 2026-12-31.": "Isi batas waktu, mis. 2026-12-31.",
    "The due date lies between the years 2000 and 2100.": "Batas waktu berada antara tahun 2000 dan 2100.",
    "Say what will be done in at most %(limit)d characters.":
        "Sebutkan apa yang akan dilakukan dalam paling banyak %(limit)d karakter.",
    "Name the unit responsible in at most %(limit)d characters.":
        "Sebutkan unit penanggung jawab dalam paling banyak %(limit)d karakter.",
    "This follow-up is not one of this survey's.": "Tindak lanjut ini bukan milik survei ini.",
    "Choose the status: planned, under way or carried out.":
        "Pilih status: direncanakan, sedang berjalan, atau terlaksana.",
    "Say what was done before marking the follow-up as carried out.":
        "Sebutkan apa yang telah dilakukan sebelum menandai tindak lanjut sebagai terlaksana.",
    "Say what was done in at most %(limit)d characters.":
        "Sebutkan apa yang telah dilakukan dalam paling banyak %(limit)d karakter.",
    "Only a satisfaction round has an IKM period.": "Hanya survei kepuasan yang memiliki periode IKM.",
    "%(count)s respondents left a suggestion; they are listed for users with the right to read personal answers.":
        "%(count)s responden memberikan saran; saran ditampilkan bagi pengguna yang berhak membaca jawaban pribadi.",
    "Follow-up plan": "Rencana tindak lanjut", "Weakest unsur": "Unsur terlemah", "NRR": "NRR",
    "No follow-up planned yet.": "Belum ada tindak lanjut yang direncanakan.",
    "Plan a follow-up": "Rencanakan tindak lanjut", "Save the follow-up": "Simpan tindak lanjut",
    "Follow-ups of the previous period": "Tindak lanjut periode sebelumnya",
    "The previous period planned no follow-up.": "Periode sebelumnya tidak merencanakan tindak lanjut.",
    "unchanged": "tetap", "Trend per period": "Tren per periode",
    "No earlier satisfaction survey of the same kind of period (year, semester or quarter) to compare with.":
        "Belum ada survei kepuasan sebelumnya dengan jenis periode yang sama (tahun, semester, atau triwulan) "
        "sebagai pembanding.",
    "Give this survey's period to compare it with earlier periods.":
        "Isi periode survei ini untuk membandingkannya dengan periode sebelumnya.",
    "IKM per period and service": "IKM per periode dan jenis layanan", "Difference": "Selisih",
    "IKM on 25-100 and NRR per unsur (1-4) of every period; the change is from the previous period.":
        "IKM pada skala 25-100 dan NRR per unsur (1-4) setiap periode; selisih dihitung dari periode sebelumnya.",
    "NRR then": "NRR sebelumnya", "NRR now": "NRR sekarang", "Improved?": "Membaik?",
    # --- docstore ---
    "Being prepared": "Sedang disiapkan",
    "The document is being prepared": "Dokumen sedang disiapkan",
    "%(name)s is being made from the newest data. This page looks again every few seconds and shows it when it is "
    "ready.":
        "%(name)s sedang dibuat dari data terbaru. Halaman ini memeriksa lagi setiap beberapa detik dan menampilkannya "
        "begitu siap.",
    "Look again now": "Periksa lagi sekarang",
    "The document could not be made: %(error)s": "Dokumen tidak dapat dibuat: %(error)s",
    "Previous": "Sebelumnya", "Next": "Berikutnya", "Nobody matches.": "Tidak ada yang cocok.",
    "Name, email, phone, unit or role contains": "Nama, email, telepon, unit, atau jabatan memuat",
    "No such page": "Halaman itu tidak ada",
    "Pages of a list are numbered with whole numbers from 1.": "Halaman daftar diberi nomor bilangan bulat mulai 1.",
    "Go to the first page": "Ke halaman pertama",
    # --- nilai ---
    "Score (0–120)": "Nilai (0–120)",
    "Score (0–120): the achievement converted by PermenPANRB 8/2021. –%(mark)s: formula not verified; the "
    "regulation's formula for this achievement (101 %%–110 %%, or below 0 %%) is not verified, so no score is given.":
        "Nilai (0–120): capaian dikonversi menurut PermenPANRB 8/2021. –%(mark)s: rumus belum terverifikasi; rumus "
        "peraturan tersebut untuk capaian ini (101 %%–110 %%, atau di bawah 0 %%) belum terverifikasi, sehingga nilai "
        "tidak diberikan.",
    "Give nilai=1 to add the score (0–120) column, or leave it out.":
        "Isi nilai=1 untuk menambahkan kolom nilai (0–120), atau kosongkan.",
    "Add the score (0–120) of each achievement, PermenPANRB 8/2021":
        "Tambahkan nilai (0–120) setiap capaian, PermenPANRB 8/2021",
    "Chapter III.B lists the year's programmes with their budget, realisation and absorption, and the total. The "
    "score (0–120) of each achievement uses only the formulas of PermenPANRB 8/2021 checked in its text; between "
    "101 %% and 110 %% their formula is not verified and no score is given.":
        "Bab III.B memuat program tahun ini dengan anggaran, realisasi dan penyerapannya, serta jumlahnya. Nilai "
        "(0–120) setiap capaian hanya memakai rumus PermenPANRB 8/2021 yang telah diperiksa pada teksnya; antara "
        "101 %% dan 110 %% rumusnya belum terverifikasi dan nilai tidak diberikan.",
    "B. Budget realisation": "B. Realisasi Anggaran",
    "No programme has been entered for this year.": "Belum ada program yang dimasukkan untuk tahun ini.",
}
